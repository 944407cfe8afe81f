#!/usr/bin/env node
// Proves the module-boundary rules are enforced: writes files that break them, lints them with the
// project's ESLint config, and fails unless every one is reported by @nx/enforce-module-boundaries.
import { ESLint } from 'eslint';
import { existsSync, rmSync, writeFileSync } from 'node:fs';

const probes = [
  [
    'libs/domain/src/boundary-probe.ts',
    "export { ENTITIES } from '../../../apps/api/src/database/entities';\n",
    'a shared lib imports an app',
  ],
  [
    'libs/contracts/src/boundary-probe.ts',
    "export * from '@satchel/domain';\nexport { Signer } from '../../../apps/api/src/common/crypto/signer';\n",
    'a shared lib imports server code',
  ],
  [
    'apps/api-e2e/src/boundary-probe.ts',
    "export { loadConfig } from '../../api/src/config/app-config';\n",
    'an app imports another app',
  ],
  [
    'apps/console/src/boundary-probe.ts',
    "export { ChatsService } from '../../api/src/chats/chats.service';\n",
    'the console imports server code',
  ],
  [
    'apps/widget/src/boundary-probe.ts',
    "export { ChatsService } from '../../api/src/chats/chats.service';\n",
    'the widget imports server code',
  ],
  [
    'apps/api/src/boundary-probe.ts',
    "export { freePort } from '@satchel/testing';\n",
    'app code imports the test toolkit',
  ],
  [
    'libs/contracts/src/testing-probe.ts',
    "export { waitFor } from '@satchel/testing';\n",
    'a shared lib imports the test toolkit',
  ],
].filter(([file]) => existsSync(file.split('/src/')[0]));

const eslint = new ESLint();
let ok = true;
try {
  for (const [file, code] of probes) writeFileSync(file, code);
  const results = await eslint.lintFiles(probes.map(([file]) => file));
  for (const [file, , what] of probes) {
    const r = results.find((x) => x.filePath.endsWith(file));
    const hit = r?.messages.some((m) => m.ruleId === '@nx/enforce-module-boundaries');
    console.log(`${hit ? 'refused' : 'NOT REFUSED'}: ${what} (${file})`);
    ok &&= !!hit;
  }
} finally {
  for (const [file] of probes) rmSync(file, { force: true });
}
console.log(
  ok ? `Boundaries: ${probes.length} passed, 0 failed` : 'Boundaries: module boundaries are NOT enforced',
);
process.exit(ok ? 0 : 1);
