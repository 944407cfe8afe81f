import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AppearanceSettings, UpdateAppearanceRequest } from '@satchel/contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AppearanceApi {
  private readonly http = inject(HttpClient);

  get(): Observable<AppearanceSettings> {
    return this.http.get<AppearanceSettings>('/v1/settings/appearance');
  }

  update(body: UpdateAppearanceRequest): Observable<AppearanceSettings> {
    return this.http.put<AppearanceSettings>('/v1/settings/appearance', body);
  }

  setAvatar(dataUrl: string): Observable<AppearanceSettings> {
    return this.http.put<AppearanceSettings>('/v1/settings/appearance/avatar', { dataUrl });
  }

  removeAvatar(): Observable<AppearanceSettings> {
    return this.http.delete<AppearanceSettings>('/v1/settings/appearance/avatar');
  }

  rotateIdentitySecret(): Observable<AppearanceSettings> {
    return this.http.post<AppearanceSettings>('/v1/settings/appearance/identity-secret/rotate', {});
  }
}
