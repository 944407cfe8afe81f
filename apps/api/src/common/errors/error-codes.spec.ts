import { ERROR_CODES, errorCodeForStatus } from '@satchel/contracts';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SRC = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('error codes', () => {
  it('declares in the contracts every code the API sets', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!/\bcode\??:/.test(line)) continue;
        for (const m of line.matchAll(/'([A-Z][A-Z0-9_]{2,})'/g)) used.add(m[1]);
      }
    }
    // Node's own socket error codes appear in outbound checks, not in responses.
    const undeclared = [...used].filter((c) => !(c in ERROR_CODES) && !/^E[A-Z]+$/.test(c));
    expect(undeclared).toEqual([]);
  });

  it('gives every HTTP error status a generic code', () => {
    expect(errorCodeForStatus(404)).toBe('NOT_FOUND');
    expect(errorCodeForStatus(413)).toBe('PAYLOAD_TOO_LARGE');
    expect(errorCodeForStatus(500)).toBe('INTERNAL_ERROR');
    expect(errorCodeForStatus(418)).toBe('BAD_REQUEST');
  });
});
