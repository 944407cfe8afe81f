import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  BacklogResult,
  S3ExportSettings,
  S3ExportTestRequest,
  TestResult,
  UpdateS3ExportSettingsRequest,
} from '@satchel/contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class S3ExportApi {
  private readonly http = inject(HttpClient);

  get(): Observable<S3ExportSettings> {
    return this.http.get<S3ExportSettings>('/v1/settings/s3-export');
  }

  update(body: UpdateS3ExportSettingsRequest): Observable<S3ExportSettings> {
    return this.http.put<S3ExportSettings>('/v1/settings/s3-export', body);
  }

  test(body: S3ExportTestRequest): Observable<TestResult> {
    return this.http.post<TestResult>('/v1/settings/s3-export/test', body);
  }

  exportBacklog(): Observable<BacklogResult> {
    return this.http.post<BacklogResult>('/v1/settings/s3-export/backlog', {});
  }
}
