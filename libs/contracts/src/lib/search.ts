import type { AttachmentDto } from './attachments';
import type { ChatDto, MessageDto } from './chats';

/** A piece of highlighted text: `match` pieces are what the search found. Never HTML. */
export interface HighlightSegment {
  text: string;
  match: boolean;
}

export interface MessageSearchHit {
  message: MessageDto;
  /** An excerpt of the message around the matches. */
  highlight: HighlightSegment[];
}

/** `GET /v1/chats/:id/search`: a chat's messages, newest first. */
export interface MessageSearchPage {
  items: MessageSearchHit[];
  nextCursor: string | null;
}

/** `GET /v1/inbox/search`: the newest hits of each kind in the operator's account. */
export interface InboxSearchResult {
  messages: MessageSearchHit[];
  /** Chats whose visitor name or email contains the search. */
  chats: ChatDto[];
  /** Files whose name contains the search. */
  files: AttachmentDto[];
}

export interface SearchQuery {
  q: string;
  limit?: number;
  cursor?: string;
}
