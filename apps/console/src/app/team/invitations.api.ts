import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateInvitationRequest, InvitationDto } from '@satchel/contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class InvitationsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<InvitationDto[]> {
    return this.http.get<InvitationDto[]>('/v1/invitations');
  }

  create(body: CreateInvitationRequest): Observable<InvitationDto> {
    return this.http.post<InvitationDto>('/v1/invitations', body);
  }

  resend(id: string): Observable<InvitationDto> {
    return this.http.post<InvitationDto>(`/v1/invitations/${encodeURIComponent(id)}/resend`, {});
  }

  revoke(id: string): Observable<void> {
    return this.http.delete<void>(`/v1/invitations/${encodeURIComponent(id)}`);
  }
}
