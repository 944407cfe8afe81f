import type { AttachmentPreviewInfo } from '@satchel/contracts';
import type { AttachmentEntity } from './attachment.entity';

/**
 * How attachments read preview state without depending on the previews module: previews provide
 * this under `PREVIEW_STATE` (global); the presenter injects it @Optional().
 */
export interface PreviewStatePort {
  previewsFor(
    accountId: string,
    rows: AttachmentEntity[],
    accessTokenRequired: boolean,
  ): Promise<Map<string, AttachmentPreviewInfo>>;
}

export const PREVIEW_STATE = Symbol('PREVIEW_STATE');

/** Without the previews module (or before a row exists), nothing is rendered. */
export const NO_PREVIEW: AttachmentPreviewInfo = {
  status: 'unsupported',
  width: null,
  height: null,
  placeholder: null,
  reason: 'disabled',
};
