import { join } from 'node:path';
import { ROOT, runScript } from './support/api-process';

/** `npm run bench` in miniature: it runs end to end and prints every figure for both servers. */
describe('upload benchmark', () => {
  it('measures the real endpoint beside the raw baseline and the textbook peer and prints the figures', async () => {
    const { code, output } = await runScript(
      join(ROOT, 'tools/bench/bench.mjs'),
      { ...process.env, BENCH_LARGE_MIB: '16', BENCH_SMALL_SECONDS: '1', BENCH_ROUNDS: '1' },
      110_000,
    );
    expect({ code, tail: output.slice(-3000) }).toMatchObject({ code: 0 });
    expect(output).toMatch(/raw node:http → file\s+\d+ MiB\/s\s+peak RSS \d+ MiB/);
    expect(output).toMatch(/Satchel API\s+\d+ MiB\/s\s+peak RSS \d+ MiB/);
    expect(output).toMatch(/textbook peer\s+\d+ MiB\/s\s+peak RSS \d+ MiB/);
    expect(output).toMatch(/Satchel API, tus\s+\d+ MiB\/s\s+peak RSS \d+ MiB/);
    expect(output).toMatch(/Satchel vs peer [\d.]+ %/);
    expect(output).toMatch(/ratio [\d.]+ % \(target ≥ 85 %\)/);
    expect(output).toMatch(
      /machine CPU per MiB: raw [\d.]+ ms, API [\d.]+ ms; of the difference, sha256 costs/,
    );
    for (const who of ['raw node:http → file', 'textbook peer       ', 'Satchel API         '])
      expect(output).toMatch(
        new RegExp(`${who}\\s+\\d+ req/s\\s+p50 [\\d.]+ ms\\s+p99 [\\d.]+ ms\\s+errors 0`),
      );
    // Failed requests are counted by status in each mode (none expected: the bench lifts the upload rate limits).
    expect(output).toMatch(/small uploads .* errors off 0, on 0/);
    expect(output).toMatch(/(All targets met|Some targets missed)\./);
  }, 120_000);
});
