export const chatRoom = (chatId: string) => `chat:${chatId}`;
export const accountRoom = (accountId: string) => `account:${accountId}`;
/** Every socket also joins the rooms of its token and user, so revoking them can close it. */
export const tokenRoom = (tokenId: string) => `token:${tokenId}`;
export const userRoom = (userId: string) => `user:${userId}`;
