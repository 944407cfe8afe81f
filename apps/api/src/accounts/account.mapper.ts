import type { AccountDto } from '@satchel/contracts';
import type { AccountEntity } from './account.entity';

export function toAccountDto(a: AccountEntity): AccountDto {
  return {
    id: a.id,
    name: a.name,
    widgetKey: a.widgetKey,
    allowedOrigins: a.allowedOrigins ?? [],
    searchLanguage: a.searchLanguage,
    createdAt: a.createdAt.toISOString(),
  };
}
