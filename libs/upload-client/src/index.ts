export * from './lib/http-error';
export * from './lib/rules';
export * from './lib/xhr-upload';
export * from './lib/fetch-with-progress';
export * from './lib/transfer-rate';
export * from './lib/upload-transport';
export * from './lib/multipart-transport';
export * from './lib/upload-queue';
