import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AccountDto, UpdateAccountRequest } from '@satchel/contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class InstallApi {
  private readonly http = inject(HttpClient);

  account(): Observable<AccountDto> {
    return this.http.get<AccountDto>('/v1/account');
  }

  update(body: UpdateAccountRequest): Observable<AccountDto> {
    return this.http.patch<AccountDto>('/v1/account', body);
  }

  rotateWidgetKey(): Observable<AccountDto> {
    return this.http.post<AccountDto>('/v1/account/widget-key/rotate', {});
  }
}
