export * from './lib/http-error';
export * from './lib/rules';
export * from './lib/xhr-upload';
export * from './lib/fetch-with-progress';
export * from './lib/image-compression';
