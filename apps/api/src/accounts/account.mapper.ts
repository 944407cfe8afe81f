import type { AccountDto } from '@satchel/contracts';
import type { AccountEntity } from './account.entity';

export function toAccountDto(account: AccountEntity): AccountDto {
  return {
    id: account.id,
    name: account.name,
    widgetKey: account.widgetKey,
    allowedOrigins: account.allowedOrigins ?? [],
    searchLanguage: account.searchLanguage,
    createdAt: account.createdAt.toISOString(),
  };
}
