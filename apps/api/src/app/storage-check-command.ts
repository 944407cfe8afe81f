import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '../config/app-config';
import { ConsistencyService } from '../retention/consistency.service';
import { RetentionModule } from '../retention/retention.module';
import { AppModule } from './app.module';

/**
 * `node dist/apps/api/main.js --check-storage [--repair]`: prints the consistency report (storage
 * objects without a row, rows without an object) as JSON; `--repair` deletes the orphans and
 * tombstones the rows. Exit code 0 when consistent (or repaired), 2 when problems were only reported.
 */
export async function runStorageCheck(config: AppConfig, repair: boolean): Promise<number> {
  const app = AppModule.forRoot({ ...config, runMode: 'api' });
  const ctx = await NestFactory.createApplicationContext(app, { logger: ['error', 'warn'] });
  try {
    const report = await ctx.select(retentionOf(app)).get(ConsistencyService, { strict: true }).check(repair);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    const problems = report.orphanObjects.length + report.missingObjects.length;
    return problems && !repair ? 2 : 0;
  } finally {
    await ctx.close();
  }
}

/** The app's RetentionModule instance (Nest 11 selects a dynamic module by the very object imported). */
function retentionOf(app: DynamicModule): DynamicModule {
  const found = app.imports?.find((m): m is DynamicModule => 'module' in m && m.module === RetentionModule);
  if (!found) throw new Error('AppModule does not import RetentionModule');
  return found;
}
