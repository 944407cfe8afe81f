import type { EffectiveUploadRule } from '@satchel/contracts';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { SpoolSink } from './file-sink';
import { FileStager } from './file-stager';

const RULE: EffectiveUploadRule = {
  role: 'visitor',
  enabled: true,
  allowedTypes: 'pdf',
  extensions: ['pdf'],
  maxSizeKb: 1024,
  maxSizeBytes: 1024 * 1024,
};

function pdfHead(size: number): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x41)]);
}

describe('FileStager', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'satchel-stager-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const spooled = () => (existsSync(join(dir, 'spool')) ? readdirSync(join(dir, 'spool')) : []);

  it('opens no temp file when the upload was refused while its first bytes were being checked', async () => {
    // The multipart reader destroys the file stream (client abort, a limit) while the stager is
    // still inspecting the head; the stager must not go on to open a temp file for a dead stream.
    const stream = new PassThrough().on('error', () => undefined);
    stream.once('pause', () => stream.destroy(new Error('The client aborted the upload')));
    stream.write(pdfHead(8000));
    let sinks = 0;
    const staged = new FileStager().stage({ filename: 'a.pdf', stream }, RULE, () => {
      sinks++;
      return new SpoolSink(join(dir, 'spool'));
    });
    const outcome = await Promise.race([
      staged.then(
        () => 'stored',
        (err: Error) => err.message,
      ),
      new Promise((r) => setTimeout(() => r('still waiting after 3 s'), 3000)),
    ]);
    expect(outcome).toBe('The client aborted the upload');
    expect(sinks).toBe(0);
    expect(spooled()).toEqual([]);
  });
});
