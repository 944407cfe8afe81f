import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditEventDto, AuditEventQuery, Page } from '@satchel/contracts';
import { Observable } from 'rxjs';
import { paramsOf } from '../core/http-params';

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(query: AuditEventQuery): Observable<Page<AuditEventDto>> {
    return this.http.get<Page<AuditEventDto>>('/v1/audit-events', { params: paramsOf(query) });
  }
}
