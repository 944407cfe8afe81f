import './thread-pool';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { FirstStartService, type FirstLogin } from './accounts/first-start.service';
import { AccountsRepository } from './accounts/accounts.repository';
import { createApp, createWorker } from './app/create-app';
import { closeWithin, drainAndClose } from './app/graceful-shutdown';
import { prepareRuntime, type Runtime } from './app/runtime';
import { runAdminCommand } from './admin/admin-command';
import { runStorageCheck } from './app/storage-check-command';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { loggingParams } from './logging/logging-params';
import { AppLogger } from './logging/nest-logger';
import { createRootLogger, logToStderr } from './logging/root-logger';
import { encryptionCommandOf, runEncryptionCommand } from './storage/encryption/encryption-cli';

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
    config.mail.smtpUrl
      ? `  Email      sent through ${new URL(config.mail.smtpUrl).host}`
      : `  Email      SMTP_URL not set: emails go to the outbox, ${base}/console/outbox`,
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
  onShutdown(config.shutdown.deadlineMs, async () => {
    const clean = await drainAndClose(app, config.shutdown.deadlineMs);
    await runtime.embedded?.stop();
    return clean;
  });
}

async function runWorker(runtime: Runtime): Promise<void> {
  const ctx = await createWorker(runtime.config);
  await ctx.init();
  new Logger('Worker').log('Satchel worker is processing jobs');
  onShutdown(runtime.config.shutdown.deadlineMs, async () => {
    const clean = await closeWithin(ctx, runtime.config.shutdown.deadlineMs);
    await runtime.embedded?.stop();
    return clean;
  });
}

/** Past the deadline the process exits whatever is still closing (the embedded database's stop, say). */
const HARD_EXIT_MARGIN_MS = 2000;

/**
 * The one place signals are handled: drain and close the app within SHUTDOWN_DEADLINE_MS, then the
 * embedded database. Exit code 0 when everything finished, 1 when something had to be cut.
 */
function onShutdown(deadlineMs: number, stop: () => Promise<boolean>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      setTimeout(() => process.exit(1), deadlineMs + HARD_EXIT_MARGIN_MS).unref();
      stop().then(
        (clean) => process.exit(clean ? 0 : 1),
        () => process.exit(1),
      );
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
  const oneShot =
    process.argv[2] === 'admin' ||
    process.argv.includes('--check-storage') ||
    !!encryptionCommandOf(process.argv);
  if (oneShot) logToStderr();
  Logger.overrideLogger(AppLogger.standalone(loggingParams(createRootLogger(config))));
  if (process.argv[2] === 'admin')
    process.exit(await runAdminCommand(config, process.argv.slice(3), process.stdout));
  if (process.argv.includes('--worker')) config = { ...config, runMode: 'worker' };
  const runtime = await prepareRuntime(config);
  if (process.argv.includes('--check-storage')) {
    const code = await runStorageCheck(runtime.config, process.argv.includes('--repair'));
    await runtime.embedded?.stop();
    process.exit(code);
  }
  const command = encryptionCommandOf(process.argv);
  if (command) {
    process.stdout.write(`${await runEncryptionCommand(runtime.config, command)}\n`);
    await runtime.embedded?.stop();
    process.exit(0);
  }
  await (runtime.config.runMode === 'worker' ? runWorker(runtime) : runApi(runtime));
}

main().catch((err: Error) => {
  process.stderr.write(`Satchel failed to start: ${err.message}\n`);
  process.exit(1);
});
