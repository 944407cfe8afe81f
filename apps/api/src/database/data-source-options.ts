import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { ENTITIES } from './entities';

/**
 * Per-connection settings for short, latency-bound API queries. A rare search term gets the
 * planner's default estimate (a tenth of the table), which crosses the JIT and parallel-query cost
 * thresholds: measured on a million rows, JIT compiled for 62 ms and starting two workers took
 * longer than the 5 ms of actual work. Bulk jobs lose little without them.
 */
const SESSION_SETTINGS = '-c jit=off -c max_parallel_workers_per_gather=0';

/** TypeORM options shared by the app, the tests and the migration CLI. Schema changes only via migrations. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: ['error'],
    extra: { max: 20, options: SESSION_SETTINGS },
  };
}
