import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { AzureStorageDriver } from './azure-storage.driver';
import { DiskStorageDriver } from './disk-storage.driver';
import { FailureTypedDriver } from './failure-typed.driver';
import { DataKeysRepository } from './encryption/data-keys.repository';
import { EncryptedStorageDriver } from './encryption/encrypted-storage.driver';
import { masterKeyRing, verifyMasterKeys } from './encryption/master-keys';
import { GcsStorageDriver } from './gcs-storage.driver';
import { S3StorageDriver } from './s3-storage.driver';
import { STORAGE_DRIVER, type StorageDriver } from './storage.driver';

/** `loadConfig` already refused a driver without its required variables; these throws are the backstop. */
function required<T>(value: T | undefined, name: string, driver: string): T {
  if (value === undefined) throw new Error(`${name} is required when STORAGE_DRIVER=${driver}`);
  return value;
}

function createDriver(config: AppConfig): StorageDriver | Promise<StorageDriver> {
  const { driver, path, s3, azure, gcs } = config.storage;
  switch (driver) {
    case 'disk':
      return new DiskStorageDriver(path);
    case 's3':
      return S3StorageDriver.connect(s3, required(s3.bucket, 'S3_BUCKET', driver));
    case 'azure':
      return AzureStorageDriver.connect({
        connectionString: required(azure.connectionString, 'AZURE_STORAGE_CONNECTION_STRING', driver),
        container: required(azure.container, 'AZURE_CONTAINER', driver),
      });
    case 'gcs':
      return GcsStorageDriver.connect({
        bucket: required(gcs.bucket, 'GCS_BUCKET', driver),
        projectId: required(gcs.projectId, 'GCS_PROJECT_ID', driver),
        apiEndpoint: gcs.apiEndpoint,
        keyFile: gcs.keyFile,
      });
  }
}

/** Every driver is wrapped by encryption at rest; the master keys are checked before the app starts. */
export async function encryptedDriver(config: AppConfig, db: DataSource): Promise<EncryptedStorageDriver> {
  const keys = new DataKeysRepository(db);
  const ring = await masterKeyRing(config);
  await verifyMasterKeys(ring, keys);
  return new EncryptedStorageDriver(new FailureTypedDriver(await createDriver(config)), ring, keys);
}

/** Provides the configured `StorageDriver` (STORAGE_DRIVER=disk|s3|azure|gcs) as `STORAGE_DRIVER` to every module. */
@Global()
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(STORAGE_DRIVER) private readonly driver: StorageDriver) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: StorageModule,
      providers: [
        {
          provide: STORAGE_DRIVER,
          useFactory: (db: DataSource) => encryptedDriver(config, db),
          inject: [DataSource],
        },
      ],
      exports: [STORAGE_DRIVER],
    };
  }

  onApplicationShutdown(): void {
    this.driver.destroy?.();
  }
}
