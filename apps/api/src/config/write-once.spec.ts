import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOnce } from './write-once';

describe('writeOnce (generated development keys)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'write-once-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the file, readable by its owner only, and leaves no draft behind', () => {
    const file = join(dir, 'secrets.key');
    expect(writeOnce(file, 'first')).toBe('first');
    expect(readFileSync(file, 'utf8')).toBe('first');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['secrets.key']);
  });

  it('keeps the first writer’s content when another process got there first', () => {
    const file = join(dir, 'encryption.keys');
    writeOnce(file, 'winner');
    expect(writeOnce(file, 'loser')).toBe('winner');
    expect(readFileSync(file, 'utf8')).toBe('winner');
    expect(readdirSync(dir)).toEqual(['encryption.keys']);
  });
});
