import { OptionalIntRange } from '../../common/validation/int-range';

export const INBOX_PAGE = 100;
export const INBOX_MAX_LIMIT = 500;
export const INBOX_MAX_OFFSET = 100_000;

/** A window of the open chats, newest activity first; fewer than `limit` items means the end. */
export class InboxQueryDto {
  @OptionalIntRange(1, INBOX_MAX_LIMIT, `Default ${INBOX_PAGE}`) limit?: number;
  @OptionalIntRange(0, INBOX_MAX_OFFSET, 'Default 0') offset?: number;
}
