import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AttachmentDto, AttachmentListQuery, Page, PreviewSize } from '@satchel/contracts';
import { Observable } from 'rxjs';
import { paramsOf } from '../core/http-params';

@Injectable({ providedIn: 'root' })
export class AttachmentsApi {
  private readonly http = inject(HttpClient);

  list(query: AttachmentListQuery): Observable<Page<AttachmentDto>> {
    return this.http.get<Page<AttachmentDto>>('/v1/attachments', { params: paramsOf(query) });
  }

  get(id: string): Observable<AttachmentDto> {
    return this.http.get<AttachmentDto>(`/v1/attachments/${encodeURIComponent(id)}`);
  }

  /**
   * The file's bytes, fetched with the session token (never through an unauthenticated URL). A
   * `preview` (thumbnail, viewer) is not recorded as a download in the audit log.
   */
  content(id: string, purpose: 'download' | 'preview' = 'download'): Observable<Blob> {
    return this.http.get(`/v1/attachments/${encodeURIComponent(id)}/content`, {
      responseType: 'blob',
      params: { purpose },
    });
  }

  /** A server rendition (WebP); never audited as a download. */
  preview(id: string, size: PreviewSize): Observable<Blob> {
    return this.http.get(`/v1/attachments/${encodeURIComponent(id)}/preview`, {
      responseType: 'blob',
      params: { size },
    });
  }

  delete(id: string): Observable<void> {
    return this.http.delete<void>(`/v1/attachments/${encodeURIComponent(id)}`);
  }
}
