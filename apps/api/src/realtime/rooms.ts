export const chatRoom = (chatId: string) => `chat:${chatId}`;
export const accountRoom = (accountId: string) => `account:${accountId}`;
