import { Injectable } from '@nestjs/common';
import type { EffectiveUploadRule } from '@satchel/contracts';
import {
  checkFileAgainstRule,
  contentVerdict,
  extensionOf,
  sanitizeDisplayName,
  sizeViolation,
} from '@satchel/domain';
import type { Readable } from 'node:stream';
import { UnsupportedMediaTypeError } from '../../common/errors/domain-errors';
import { detectType, readHead, replay, UploadMeter, wasCutShort } from './content-inspector';
import type { FileSink } from './file-sink';
import { TrustInspector, type TrustChecks, type TrustFindings } from './trust-inspector';
import { ClientAbortedError, ruleError } from './upload-errors';

export interface StagedFile<S extends FileSink = FileSink> {
  name: string;
  extension: string;
  size: number;
  sha256: string;
  /** Detected from the content. */
  contentType: string;
  sink: S;
  /** Scan verdict and active content found; absent when the upload ran without trust checks. */
  trust?: TrustFindings;
}

/** A tighter byte limit than the rule's (what the account's quota has left), with its own refusal. */
export interface ByteCap {
  bytes: number;
  exceeded(): Error;
}

/**
 * One file through the checks while it streams: the uploader's rule (enabled, type), the content's
 * magic bytes against the extension, the size limit, sha256 — then into the sink. On any failure
 * the sink is discarded and the error thrown (403/413/415 or the stream's error).
 */
@Injectable()
export class FileStager {
  async stage<S extends FileSink>(
    file: { filename: string; stream: Readable },
    rule: EffectiveUploadRule,
    sinkFor: (ext: string) => S,
    cap?: ByteCap,
    checks?: TrustChecks,
  ): Promise<StagedFile<S>> {
    const name = sanitizeDisplayName(file.filename);
    const violation = checkFileAgainstRule(rule, { name }, rule.role);
    if (violation) throw ruleError(violation, name, rule.maxSizeKb, rule);
    const extension = extensionOf(name);
    const { head, ended } = await readHead(file.stream);
    const verdict = contentVerdict(name, extension, await detectType(head), head);
    if (!verdict.ok)
      throw new UnsupportedMediaTypeError(verdict.message, {
        code: 'CONTENT_MISMATCH',
        file: name,
        detectedType: verdict.actualMime,
      });
    const capped = cap !== undefined && cap.bytes < rule.maxSizeBytes;
    const limit = capped ? cap.bytes : rule.maxSizeBytes;
    const tooLarge = () =>
      capped ? cap.exceeded() : ruleError(sizeViolation(name, rule), name, rule.maxSizeKb, rule);
    if (head.length > limit) throw tooLarge();
    // The request may have been refused or aborted while the head was inspected: open no file then.
    if (wasCutShort(file.stream)) throw file.stream.errored ?? new ClientAbortedError();
    const meter = new UploadMeter(limit, tooLarge);
    const sink = sinkFor(extension);
    const metered = replay(head, ended, file.stream, meter);
    const inspector = checks && new TrustInspector(name, verdict.mime, checks);
    try {
      await sink.write(inspector ? inspected(metered, inspector) : metered, verdict.mime);
    } catch (err) {
      await sink.discard();
      // The meter's own refusal (413) is the real cause, whatever the sink made of it; an abort of
      // the meter is only the sink's failure (e.g. a full disk) travelling back up the stream.
      throw meter.errored && !isAbort(meter.errored) ? meter.errored : err;
    }
    return {
      name,
      extension,
      size: meter.size,
      sha256: meter.digest(),
      contentType: verdict.mime,
      sink,
      trust: inspector?.findings(),
    };
  }
}

/** The metered body through the inspector; a refusal there stops the meter (and so the source) too. */
function inspected(metered: UploadMeter, inspector: TrustInspector): TrustInspector {
  metered.on('error', (err) => inspector.destroy(err));
  inspector.on('error', (err) => metered.destroy(err));
  return metered.pipe(inspector);
}

const isAbort = (err: Error): boolean => err.name === 'AbortError';
