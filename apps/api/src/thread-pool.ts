// Imported first by main.ts, before anything can touch libuv's thread pool (it is sized on first use).
// Disk storage does open/write/rename per upload; the default 4 threads queue them under concurrency.
process.env['UV_THREADPOOL_SIZE'] ??= '16';
