import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AcceptInvitationRequest,
  InvitationPreview,
  MailOutboxItemDto,
  NotificationPrefsDto,
  TotpConfirmResponse,
  TotpEnrolment,
  TotpStatus,
  UserDto,
} from '@satchel/contracts';
import { Observable } from 'rxjs';

/** Password reset, invitations (the invitee's side), two-factor sign-in, notifications, the outbox. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  requestReset(email: string): Observable<{ message: string }> {
    return this.http.post<{ message: string }>('/v1/auth/password-reset', { email });
  }

  confirmReset(token: string, password: string): Observable<void> {
    return this.http.post<void>('/v1/auth/password-reset/confirm', { token, password });
  }

  invitation(token: string): Observable<InvitationPreview> {
    return this.http.get<InvitationPreview>(`/v1/invitations/by-token/${encodeURIComponent(token)}`);
  }

  accept(token: string, body: AcceptInvitationRequest): Observable<UserDto> {
    return this.http.post<UserDto>(`/v1/invitations/${encodeURIComponent(token)}/accept`, body);
  }

  totp(): Observable<TotpStatus> {
    return this.http.get<TotpStatus>('/v1/auth/totp');
  }

  enrol(): Observable<TotpEnrolment> {
    return this.http.post<TotpEnrolment>('/v1/auth/totp/enrol', {});
  }

  confirmTotp(code: string): Observable<TotpConfirmResponse> {
    return this.http.post<TotpConfirmResponse>('/v1/auth/totp/confirm', { code });
  }

  disableTotp(code: string): Observable<void> {
    return this.http.delete<void>('/v1/auth/totp', { body: { code } });
  }

  notifications(): Observable<NotificationPrefsDto> {
    return this.http.get<NotificationPrefsDto>('/v1/me/notifications');
  }

  saveNotifications(body: NotificationPrefsDto): Observable<NotificationPrefsDto> {
    return this.http.put<NotificationPrefsDto>('/v1/me/notifications', body);
  }

  outbox(): Observable<MailOutboxItemDto[]> {
    return this.http.get<MailOutboxItemDto[]>('/v1/mail/outbox');
  }
}
