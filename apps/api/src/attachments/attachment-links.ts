import { Inject, Injectable } from '@nestjs/common';
import { Signer } from '../common/crypto/signer';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

interface LinkPayload {
  /** Attachment id. */
  a: string;
  /** Expiry (unix seconds); absent on permanent links. */
  e?: number;
}

export type LinkCheck = { ok: true; permanent: boolean } | { ok: false; reason: string };

/**
 * Signed download links (`url` of an attachment): `/v1/attachments/:id/content?sig=…`, HMAC-signed
 * for the purpose `attachment-download`. With `accessTokenRequired` on (the default) a link expires
 * after DOWNLOAD_URL_TTL_SECONDS; with it off the link is permanent — a capability URL like seed
 * 001's public URL — and stops working as soon as the account turns `accessTokenRequired` back on.
 */
@Injectable()
export class AttachmentLinks {
  private readonly signer: Signer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.signer = new Signer(config.secretsKey as Buffer, 'attachment-download');
  }

  url(attachmentId: string, accessTokenRequired: boolean): string {
    const payload: LinkPayload = { a: attachmentId };
    if (accessTokenRequired)
      payload.e = Math.floor(Date.now() / 1000) + this.config.uploads.downloadUrlTtlSeconds;
    return `${this.config.http.publicUrl}/v1/attachments/${attachmentId}/content?sig=${this.signer.sign(payload)}`;
  }

  /** A rendition of the preview, signed with the same link as the file (same expiry rules). */
  previewUrl(attachmentId: string, size: string, accessTokenRequired: boolean): string {
    const sig = new URL(this.url(attachmentId, accessTokenRequired)).searchParams.get('sig') ?? '';
    return `${this.config.http.publicUrl}/v1/attachments/${attachmentId}/preview?size=${size}&sig=${sig}`;
  }

  check(attachmentId: string, sig: string): LinkCheck {
    const payload = this.signer.verify<LinkPayload>(sig);
    if (!payload || payload.a !== attachmentId) return { ok: false, reason: 'Invalid download link' };
    if (payload.e !== undefined && payload.e * 1000 < Date.now())
      return { ok: false, reason: 'This download link has expired' };
    return { ok: true, permanent: payload.e === undefined };
  }
}
