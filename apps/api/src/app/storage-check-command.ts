import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '../config/app-config';
import { ConsistencyService } from '../retention/consistency.service';
import { AppModule } from './app.module';

/**
 * `node dist/apps/api/main.js --check-storage [--repair]`: prints the consistency report (storage
 * objects without a row, rows without an object) as JSON; `--repair` deletes the orphans and
 * tombstones the rows. Exit code 0 when consistent (or repaired), 2 when problems were only reported.
 */
export async function runStorageCheck(config: AppConfig, repair: boolean): Promise<number> {
  const ctx = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, runMode: 'api' }), {
    logger: ['error', 'warn'],
  });
  try {
    const report = await ctx.get(ConsistencyService, { strict: false }).check(repair);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    const problems = report.orphanObjects.length + report.missingObjects.length;
    return problems && !repair ? 2 : 0;
  } finally {
    await ctx.close();
  }
}
