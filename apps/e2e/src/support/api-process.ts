import { execFileSync } from 'node:child_process';
import { WORKSPACE_ROOT } from './paths';

interface ApiLaunch {
  API_NODE_ARGS: string[];
  API_ENV: Record<string, string>;
  API_MAIN: string;
}

/**
 * How `npm start` launches the API (`tools/scripts/api-process.mjs`, an ES module jest cannot load),
 * read by a child Node so the tests run the product exactly as it ships.
 */
const launch = JSON.parse(
  execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "import * as p from './tools/scripts/api-process.mjs'; process.stdout.write(JSON.stringify(p));",
    ],
    { cwd: WORKSPACE_ROOT, encoding: 'utf8' },
  ),
) as ApiLaunch;

export const { API_NODE_ARGS, API_ENV, API_MAIN } = launch;
