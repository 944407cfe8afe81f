import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { DiskStorageDriver } from './disk-storage.driver';
import { S3StorageDriver } from './s3-storage.driver';
import { STORAGE_DRIVER, type StorageDriver } from './storage.driver';

function createDriver(config: AppConfig): StorageDriver | Promise<StorageDriver> {
  const { driver, path, s3 } = config.storage;
  if (driver === 'disk') return new DiskStorageDriver(path);
  if (!s3.bucket) throw new Error('S3_BUCKET is required when STORAGE_DRIVER=s3');
  return S3StorageDriver.connect(s3, s3.bucket);
}

/** Provides the configured `StorageDriver` (STORAGE_DRIVER=disk|s3) as `STORAGE_DRIVER` to every module. */
@Global()
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(STORAGE_DRIVER) private readonly driver: StorageDriver) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: StorageModule,
      providers: [{ provide: STORAGE_DRIVER, useFactory: () => createDriver(config) }],
      exports: [STORAGE_DRIVER],
    };
  }

  onApplicationShutdown(): void {
    if (this.driver instanceof S3StorageDriver) this.driver.destroy();
  }
}
