import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { QuarantinedFileDto, TrustSettings } from '@satchel/contracts';
import { Observable } from 'rxjs';

export type TrustSettingsUpdate = Partial<Omit<TrustSettings, 'scanningAvailable'>>;

@Injectable({ providedIn: 'root' })
export class TrustApi {
  private readonly http = inject(HttpClient);

  settings(): Observable<TrustSettings> {
    return this.http.get<TrustSettings>('/v1/settings/trust');
  }

  updateSettings(body: TrustSettingsUpdate): Observable<TrustSettings> {
    return this.http.put<TrustSettings>('/v1/settings/trust', body);
  }

  quarantine(): Observable<QuarantinedFileDto[]> {
    return this.http.get<QuarantinedFileDto[]>('/v1/quarantine');
  }

  rescan(): Observable<{ scanned: number; infected: number }> {
    return this.http.post<{ scanned: number; infected: number }>('/v1/quarantine/rescan', {});
  }

  delete(id: string): Observable<void> {
    return this.http.delete<void>(`/v1/attachments/${id}`);
  }
}
