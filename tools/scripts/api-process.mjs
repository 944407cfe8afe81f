// How the API process is launched: by `npm start`, the worker script and the benchmark alike
// (docker/Dockerfile sets the same flags and environment).
//
// Measured with `npm run bench` (1 GiB upload): idle RSS 145 → 124 MiB, peak 179 → 155 MiB, with no
// measurable change in throughput. A 4 MiB young generation collects streamed chunks sooner; two
// malloc arenas stop glibc from spreading freed buffers over one arena per thread. Source maps are
// left off (they cost 14 MiB); set NODE_OPTIONS=--enable-source-maps when debugging.
export const API_NODE_ARGS = ['--max-semi-space-size=4'];
export const API_ENV = { MALLOC_ARENA_MAX: '2' };
export const API_MAIN = 'dist/apps/api/main.js';
