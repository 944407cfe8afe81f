import type { CreateUploadGroupRequest, UploadGroupDto } from '@satchel/contracts';

/** A group as edited in the form: size in MB (the API speaks KB). */
export interface GroupDraft {
  name: string;
  kind: 'operator' | 'verified_visitor';
  enabled: boolean;
  allowedTypes: string;
  maxSizeMb: number;
  memberIds: string[];
}

export function emptyDraft(): GroupDraft {
  return {
    name: '',
    kind: 'operator',
    enabled: true,
    allowedTypes: 'pdf|xlsx',
    maxSizeMb: 10,
    memberIds: [],
  };
}

export function draftOf(g: UploadGroupDto): GroupDraft {
  return {
    name: g.name,
    kind: g.kind,
    enabled: g.enabled,
    allowedTypes: g.allowedTypes,
    maxSizeMb: Math.round((g.maxSizeKb / 1024) * 100) / 100,
    memberIds: [...g.memberIds],
  };
}

export function requestOf(d: GroupDraft): CreateUploadGroupRequest {
  return {
    name: d.name.trim(),
    kind: d.kind,
    enabled: d.enabled,
    allowedTypes: d.allowedTypes,
    maxSizeKb: Math.max(1, Math.round(d.maxSizeMb * 1024)),
  };
}
