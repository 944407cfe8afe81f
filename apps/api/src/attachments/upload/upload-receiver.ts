import { Inject, Injectable } from '@nestjs/common';
import type { EffectiveUploadRule } from '@satchel/contracts';
import { ValidationError } from '../../common/errors/domain-errors';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import type { FileSink } from './file-sink';
import type { UploadBudget } from '../../upload-settings/storage-quota.service';
import { FileStager, type ByteCap, type StagedFile } from './file-stager';
import type { TrustChecks } from './trust-inspector';
import { readMultipart } from './multipart-reader';
import type { MultipartBody } from './multipart-body';

export interface ReceiveOptions<S extends FileSink> {
  /** The form field that carries files (`files`, or seed 001's `file`). */
  fileField: string;
  rule: EffectiveUploadRule;
  maxFiles: number;
  /** Chooses where a file goes, given its extension and the form fields seen before it. */
  sinkFor(ext: string, fields: ReadonlyMap<string, string>): S;
  /** The account's storage quota left: enforced while the bytes stream (sizes are not known up front). */
  budget?: UploadBudget;
  /** Malware scan and active-content policy of the account. */
  checks?: TrustChecks;
}

export interface Received<S extends FileSink> {
  files: StagedFile<S>[];
  fields: Map<string, string>;
}

/**
 * A whole multipart request: every file checked and stored as it streams. All or nothing: when any
 * file is refused, or the body is malformed or aborted, the files already stored are discarded.
 */
@Injectable()
export class UploadReceiver {
  constructor(
    private readonly stager: FileStager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async receive<S extends FileSink>(req: MultipartBody, opts: ReceiveOptions<S>): Promise<Received<S>> {
    const files: StagedFile<S>[] = [];
    const fields = new Map<string, string>();
    try {
      await readMultipart(
        req,
        {
          files: opts.maxFiles,
          fileSize: opts.rule.maxSizeBytes + 1,
          stall: this.config.uploads.stall,
        },
        {
          onField: (name, value) => fields.set(name, value),
          onFile: async (file) => {
            if (file.field !== opts.fileField) {
              throw new ValidationError(
                `Unexpected file field "${file.field}": send files as "${opts.fileField}"`,
                opts.fileField,
              );
            }
            // A browser form with no file chosen sends an empty part without a name.
            if (file.filename === '') return void file.stream.resume();
            const cap = capLeft(opts.budget, files);
            const sink = (ext: string) => opts.sinkFor(ext, fields);
            files.push(await this.stager.stage(file, opts.rule, sink, cap, opts.checks));
          },
        },
      );
    } catch (err) {
      await discardAll(files);
      throw err;
    }
    return { files, fields };
  }
}

function capLeft(budget: UploadBudget | undefined, files: StagedFile[]): ByteCap | undefined {
  if (!budget) return undefined;
  if (files.length >= budget.files) throw budget.exceeded();
  const used = files.reduce((sum, f) => sum + f.size, 0);
  return { bytes: budget.bytes - used, exceeded: () => budget.exceeded() };
}

export async function discardAll(files: StagedFile[]): Promise<void> {
  await Promise.all(files.map((f) => f.sink.discard()));
}
