import { ClamdSession, scanStream, ScannerUnavailableError } from '../../src/scanning/clamd-client';
import { EICAR_SIGNATURE, eicar, startClamd, type TestClamd } from '@satchel/testing';

async function* chunks(...parts: Buffer[]): AsyncGenerator<Buffer> {
  for (const p of parts) yield p;
}

describe('clamd INSTREAM client (real clamd)', () => {
  let clamd: TestClamd;
  beforeAll(async () => {
    clamd = await startClamd();
  });
  afterAll(() => clamd?.stop());

  const address = () => ({ host: '127.0.0.1', port: clamd.port });

  it('finds the EICAR test file, even split across chunks, and passes a clean file', async () => {
    const sample = eicar();
    expect(await scanStream(address(), 10_000, chunks(sample.subarray(0, 10), sample.subarray(10)))).toEqual({
      infected: true,
      signature: EICAR_SIGNATURE,
    });
    expect(await scanStream(address(), 10_000, chunks(Buffer.from('just a note')))).toEqual({
      infected: false,
    });
    expect(await scanStream(address(), 10_000, chunks())).toEqual({ infected: false });
  });

  it('reports an unreachable clamd as unavailable', async () => {
    await expect(ClamdSession.open({ host: '127.0.0.1', port: 1 }, 2000)).rejects.toBeInstanceOf(
      ScannerUnavailableError,
    );
  });
});
