import type { UserDto } from '@satchel/contracts';
import type { UserEntity } from './user.entity';

export function toUserDto(u: UserEntity): UserDto {
  return {
    id: u.id,
    accountId: u.accountId,
    email: u.email,
    name: u.name,
    role: u.role,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
  };
}
