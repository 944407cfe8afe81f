export * from './lib/file-types';
export * from './lib/file-names';
export * from './lib/upload-rules';
export * from './lib/bytes';
export * from './lib/content-check';
export * from './lib/retention';
