import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  RetentionBulkRequest,
  RetentionDryRunDto,
  RetentionPolicy,
  RetentionSettingsDto,
  RetentionSummaryDto,
  RetentionView,
  RetentionViewDto,
  UpdateRetentionSettings,
} from '@satchel/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class RetentionApi {
  private readonly http = inject(HttpClient);

  summary(): Observable<RetentionSummaryDto> {
    return this.http.get<RetentionSummaryDto>('/v1/retention/summary');
  }

  files(view: RetentionView): Observable<RetentionViewDto> {
    return this.http.get<RetentionViewDto>('/v1/retention/files', { params: { view } });
  }

  bulk(body: RetentionBulkRequest): Observable<{ affected: number }> {
    return this.http.post<{ affected: number }>('/v1/retention/files/bulk', body);
  }

  settings(): Observable<RetentionSettingsDto> {
    return this.http.get<RetentionSettingsDto>('/v1/settings/retention');
  }

  save(body: UpdateRetentionSettings): Observable<RetentionSettingsDto> {
    return this.http.put<RetentionSettingsDto>('/v1/settings/retention', body);
  }

  dryRun(policy: RetentionPolicy): Observable<RetentionDryRunDto> {
    return this.http.post<RetentionDryRunDto>('/v1/settings/retention/dry-run', policy);
  }
}
