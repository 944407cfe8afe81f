/** The object does not exist (a missing file or S3 NoSuchKey). Callers map it to 404. */
export class StorageNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`storage object ${key} not found`);
    this.name = 'StorageNotFoundError';
  }
}

/** A byte range that starts past the end of the object. Callers map it to 416. */
export class StorageRangeError extends Error {
  constructor(
    readonly key: string,
    readonly size: number,
  ) {
    super(`range not satisfiable for ${key} (size ${size})`);
    this.name = 'StorageRangeError';
  }
}

/** A key that could escape the storage root or is not one Satchel would generate. A programming error. */
export class InvalidStorageKeyError extends Error {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`invalid storage key ${JSON.stringify(key)}: ${reason}`);
    this.name = 'InvalidStorageKeyError';
  }
}

/** An encrypted object that does not authenticate (tampered, truncated, reordered) or whose key is gone. */
export class StorageIntegrityError extends Error {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`storage object ${key} failed its integrity check: ${reason}`);
    this.name = 'StorageIntegrityError';
  }
}
