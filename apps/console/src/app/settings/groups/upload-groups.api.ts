import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateUploadGroupRequest,
  PlatformUploadSettings,
  UpdatePlatformUploadSettingsRequest,
  UpdateUploadGroupRequest,
  UploadGroupDto,
  UserDto,
} from '@satchel/contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class UploadGroupsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<UploadGroupDto[]> {
    return this.http.get<UploadGroupDto[]>('/v1/upload-groups');
  }

  create(body: CreateUploadGroupRequest): Observable<UploadGroupDto> {
    return this.http.post<UploadGroupDto>('/v1/upload-groups', body);
  }

  update(id: string, body: UpdateUploadGroupRequest): Observable<UploadGroupDto> {
    return this.http.patch<UploadGroupDto>(`/v1/upload-groups/${id}`, body);
  }

  setMembers(id: string, userIds: string[]): Observable<UploadGroupDto> {
    return this.http.put<UploadGroupDto>(`/v1/upload-groups/${id}/members`, { userIds });
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`/v1/upload-groups/${id}`);
  }

  users(): Observable<UserDto[]> {
    return this.http.get<UserDto[]>('/v1/users');
  }

  platform(): Observable<PlatformUploadSettings> {
    return this.http.get<PlatformUploadSettings>('/v1/platform/upload-settings');
  }

  updatePlatform(body: UpdatePlatformUploadSettingsRequest): Observable<PlatformUploadSettings> {
    return this.http.put<PlatformUploadSettings>('/v1/platform/upload-settings', body);
  }
}
