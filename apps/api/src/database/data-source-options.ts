import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { ENTITIES } from './entities';

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
    extra: { max: 20 },
  };
}
