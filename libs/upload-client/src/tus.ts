// A separate entry: tus-js-client is loaded only when a file above the tus threshold is queued.
export * from './lib/tus-transport';
