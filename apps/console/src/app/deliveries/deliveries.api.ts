import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { DeliveryDto, DeliveryListQuery, Page } from '@satchel/contracts';
import { Observable } from 'rxjs';
import { paramsOf } from '../core/http-params';

@Injectable({ providedIn: 'root' })
export class DeliveriesApi {
  private readonly http = inject(HttpClient);

  list(query: DeliveryListQuery): Observable<Page<DeliveryDto>> {
    return this.http.get<Page<DeliveryDto>>('/v1/deliveries', { params: paramsOf(query) });
  }

  retry(id: string): Observable<DeliveryDto> {
    return this.http.post<DeliveryDto>(`/v1/deliveries/${encodeURIComponent(id)}/retry`, {});
  }
}
