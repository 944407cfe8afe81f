import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CallbackSettings,
  CallbackSettingsWithSecret,
  CallbackTestRequest,
  TestResult,
  UpdateCallbackSettingsRequest,
} from '@satchel/contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class CallbackApi {
  private readonly http = inject(HttpClient);

  get(): Observable<CallbackSettings> {
    return this.http.get<CallbackSettings>('/v1/settings/callback');
  }

  update(body: UpdateCallbackSettingsRequest): Observable<CallbackSettingsWithSecret> {
    return this.http.put<CallbackSettingsWithSecret>('/v1/settings/callback', body);
  }

  rotateSecret(): Observable<CallbackSettingsWithSecret> {
    return this.http.post<CallbackSettingsWithSecret>('/v1/settings/callback/rotate-secret', {});
  }

  test(body: CallbackTestRequest): Observable<TestResult> {
    return this.http.post<TestResult>('/v1/settings/callback/test', body);
  }
}
