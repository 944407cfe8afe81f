import './thread-pool';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { FirstStartService, type FirstLogin } from './accounts/first-start.service';
import { AccountsRepository } from './accounts/accounts.repository';
import { createApp, createWorker } from './app/create-app';
import { prepareRuntime, type Runtime } from './app/runtime';
import { runStorageCheck } from './app/storage-check-command';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';

function banner(config: AppConfig, login: FirstLogin | null, widgetKey: string | undefined): string {
  const base = config.http.publicUrl;
  const pw = login?.generatedPassword
    ? `${login.generatedPassword}   (generated: shown only this once)`
    : config.admin.password
      ? '(the ADMIN_PASSWORD you set)'
      : '(the password printed on first start)';
  return [
    '',
    'Satchel is running',
    `  API        ${base}/v1`,
    `  Console    ${base}/console`,
    `  Demo       ${base}/demo`,
    `  API docs   ${base}/docs`,
    `  Health     ${base}/health`,
    `  Login      ${config.admin.email}  ${pw}`,
    widgetKey ? `  Widget key ${widgetKey}` : '',
    '',
  ].join('\n');
}

async function runApi(runtime: Runtime): Promise<void> {
  const { config } = runtime;
  const app = await createApp(config);
  const login = await app.get(FirstStartService).ensureOwner();
  await app.listen(config.http.port, config.http.host);
  const first = await app.get(AccountsRepository).first();
  process.stdout.write(banner(config, login, first?.widgetKey) + '\n');
  onShutdown(async () => {
    await app.close();
    await runtime.embedded?.stop();
  });
}

async function runWorker(runtime: Runtime): Promise<void> {
  const ctx = await createWorker(runtime.config);
  await ctx.init();
  new Logger('Worker').log('Satchel worker is processing jobs');
  onShutdown(async () => {
    await ctx.close();
    await runtime.embedded?.stop();
  });
}

/** The one place signals are handled: close the app (Nest shutdown hooks), then the embedded database. */
function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void stop().finally(() => process.exit(0));
    });
  }
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  if (process.argv.includes('--worker')) config = { ...config, runMode: 'worker' };
  const runtime = await prepareRuntime(config);
  if (process.argv.includes('--check-storage')) {
    const code = await runStorageCheck(runtime.config, process.argv.includes('--repair'));
    await runtime.embedded?.stop();
    process.exit(code);
  }
  await (runtime.config.runMode === 'worker' ? runWorker(runtime) : runApi(runtime));
}

main().catch((err: Error) => {
  process.stderr.write(`Satchel failed to start: ${err.message}\n`);
  process.exit(1);
});
