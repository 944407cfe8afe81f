import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, freshDeployment, startApi, type ApiProcess, type Deployment } from './support/api-process';

const OWNER = 'owner@recovery.test';

/** `npm run admin -- reset-password <email>`, as an operator of the server would run it. */
function adminCommand(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number | null; output: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [join(ROOT, 'tools/scripts/admin.mjs'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...env },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => ok({ code, output }));
  });
}

async function login(api: ApiProcess, password: string): Promise<Response> {
  return fetch(`${api.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: OWNER, password }),
  });
}

describe('owner recovery without email (the admin command of the built API)', () => {
  let deployment: Deployment;
  let api: ApiProcess;

  beforeAll(async () => {
    deployment = await freshDeployment({ ADMIN_EMAIL: OWNER });
    api = await startApi(deployment.env);
  });
  afterAll(async () => {
    await api.stop();
    await deployment.remove();
  });

  it('prints a one-time password that lets the owner in again, signs out old sessions and is audited', async () => {
    const generated = /Login\s+\S+\s+(\S+)\s+\(generated/.exec(api.output())?.[1] as string;
    const first = await login(api, generated);
    expect(first.status).toBe(200);
    const { token } = (await first.json()) as { token: string };

    const run = await adminCommand(deployment.env, 'reset-password', OWNER);
    expect(run.code).toBe(0);
    const password = /One-time password for \S+: (\S+)/.exec(run.output)?.[1] as string;
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);

    const me = await fetch(`${api.url}/v1/auth/me`, { headers: { authorization: `Token ${token}` } });
    expect(me.status).toBe(401);
    expect((await login(api, generated)).status).toBe(401);
    const again = await login(api, password);
    expect(again.status).toBe(200);
    const session = ((await again.json()) as { token: string }).token;
    const audit = await fetch(`${api.url}/v1/audit-events?action=user.password.recover`, {
      headers: { authorization: `Token ${session}` },
    });
    const body = (await audit.json()) as { items: { actor: { name: string }; details: { email: string } }[] };
    expect(body.items[0]).toMatchObject({ actor: { name: 'admin command' }, details: { email: OWNER } });
  });

  it('says so when the email is unknown or the command is wrong', async () => {
    const unknown = await adminCommand(deployment.env, 'reset-password', 'nobody@recovery.test');
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('No user with the email nobody@recovery.test');
    const wrong = await adminCommand(deployment.env, 'frobnicate');
    expect(wrong.code).toBe(64);
    expect(wrong.output).toContain('Usage: npm run admin -- reset-password <email>');
  });
});
