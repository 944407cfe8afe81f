import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ApiTokenDto,
  CreateApiTokenRequest,
  CreatedApiTokenResponse,
  CreateUserRequest,
  UpdateUserRequest,
  UserDto,
} from '@satchel/contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class TeamApi {
  private readonly http = inject(HttpClient);

  users(): Observable<UserDto[]> {
    return this.http.get<UserDto[]>('/v1/users');
  }

  createUser(body: CreateUserRequest): Observable<UserDto> {
    return this.http.post<UserDto>('/v1/users', body);
  }

  updateUser(id: string, body: UpdateUserRequest): Observable<UserDto> {
    return this.http.patch<UserDto>(`/v1/users/${encodeURIComponent(id)}`, body);
  }

  removeUser(id: string): Observable<void> {
    return this.http.delete<void>(`/v1/users/${encodeURIComponent(id)}`);
  }

  tokens(): Observable<ApiTokenDto[]> {
    return this.http.get<ApiTokenDto[]>('/v1/api-tokens');
  }

  createToken(body: CreateApiTokenRequest): Observable<CreatedApiTokenResponse> {
    return this.http.post<CreatedApiTokenResponse>('/v1/api-tokens', body);
  }

  revokeToken(id: string): Observable<void> {
    return this.http.delete<void>(`/v1/api-tokens/${encodeURIComponent(id)}`);
  }
}
