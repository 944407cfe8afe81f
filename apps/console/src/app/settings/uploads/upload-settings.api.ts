import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { UpdateUploadSettingsRequest, UploadSettings } from '@satchel/contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class UploadSettingsApi {
  private readonly http = inject(HttpClient);

  get(): Observable<UploadSettings> {
    return this.http.get<UploadSettings>('/v1/settings/uploads');
  }

  update(body: UpdateUploadSettingsRequest): Observable<UploadSettings> {
    return this.http.put<UploadSettings>('/v1/settings/uploads', body);
  }
}
