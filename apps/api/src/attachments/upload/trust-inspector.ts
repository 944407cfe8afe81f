import type { ActiveContentPolicy, ScanFailMode } from '@satchel/contracts';
import { Transform, type TransformCallback } from 'node:stream';
import { ServiceUnavailableError, UnsupportedMediaTypeError } from '../../common/errors/domain-errors';
import { ClamdSession, ScannerUnavailableError, type ScanVerdict } from '../../scanning/clamd-client';
import type { ScanStatus } from '../attachment.entity';
import { ActiveContentDetector } from './active-content';

/** What an account asks of each upload (from its trust settings and the deployment's scanner). */
export interface TrustChecks {
  activeContent: ActiveContentPolicy;
  scanFailMode: ScanFailMode;
  /** Opens a clamd session; undefined when scanning is off. */
  openScan?: () => Promise<ClamdSession>;
}

export interface TrustFindings {
  /** Null when scanning is off. */
  scanStatus: ScanStatus | null;
  signature: string | null;
  activeContent: string | null;
}

export function scannerDownError(): ServiceUnavailableError {
  return new ServiceUnavailableError(
    'Uploads are paused: the malware scanner is unavailable. Please try again in a few minutes.',
    { code: 'SCANNER_UNAVAILABLE' },
  );
}

/**
 * Passes an upload through while looking at every byte: the active-content check (a refusal stops
 * the upload at once) and the malware scan (the bytes are teed to clamd; the verdict arrives
 * before the stream ends, so nothing is recorded, let alone announced, before it is known).
 */
export class TrustInspector extends Transform {
  private readonly detector: ActiveContentDetector | undefined;
  private session: Promise<ClamdSession | undefined> | undefined;
  private verdict: ScanVerdict | undefined;
  private unscanned = false;

  constructor(
    private readonly name: string,
    mime: string,
    private readonly checks: TrustChecks,
  ) {
    super();
    this.detector = ActiveContentDetector.for(mime);
    if (checks.openScan) {
      this.session = checks.openScan().catch((err: unknown) => this.scannerDown(err));
      this.session.catch(() => undefined);
    }
  }

  findings(): TrustFindings {
    return {
      scanStatus: !this.checks.openScan
        ? null
        : this.unscanned
          ? 'unscanned'
          : this.verdict?.infected
            ? 'infected'
            : 'clean',
      signature: this.verdict?.infected ? this.verdict.signature : null,
      activeContent: this.detector?.reason ?? null,
    };
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.detector?.update(chunk);
    const refusal = this.refusal();
    if (refusal) return done(refusal);
    if (!this.session) return done(null, chunk);
    this.session
      .then((s) =>
        s && !this.unscanned ? s.write(chunk).catch((err: unknown) => this.scannerDown(err)) : undefined,
      )
      .then(() => done(null, chunk), done);
  }

  override _flush(done: TransformCallback): void {
    this.detector?.finish();
    const refusal = this.refusal();
    if (refusal) return done(refusal);
    if (!this.session) return done();
    this.session
      .then(async (s) => {
        if (!s || this.unscanned) return;
        this.verdict = await s.finish().catch((err: unknown) => {
          this.scannerDown(err);
          return undefined;
        });
      })
      .then(() => done(), done);
  }

  override _destroy(err: Error | null, done: (error: Error | null) => void): void {
    void this.session?.then((s) => s?.abort()).catch(() => undefined);
    done(err);
  }

  private refusal(): Error | undefined {
    const reason = this.detector?.reason;
    if (!reason || this.checks.activeContent !== 'refuse') return undefined;
    return new UnsupportedMediaTypeError(
      `${this.name} was refused: ${reason} is not accepted by this account`,
      {
        code: 'ACTIVE_CONTENT_REFUSED',
        reason,
        file: this.name,
      },
    );
  }

  /** Fail closed: the upload stops with 503. Fail open: it goes on, marked `unscanned`. */
  private scannerDown(err: unknown): undefined {
    if (!(err instanceof ScannerUnavailableError)) throw err;
    if (this.checks.scanFailMode === 'closed') throw scannerDownError();
    this.unscanned = true;
    return undefined;
  }
}
