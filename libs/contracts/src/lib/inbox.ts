import type { ChatDto } from './chats';

/** What the widget knows about the visitor's browser when the chat starts (all optional, all capped). */
export interface VisitorContext {
  pageUrl?: string;
  pageTitle?: string;
  referrer?: string;
  /** The raw user agent; `browser` and `os` are read from it on the server. */
  userAgent?: string;
  browser?: string;
  os?: string;
  language?: string;
  /** IANA time zone of the visitor, e.g. `Europe/Berlin`. */
  timeZone?: string;
  /** The visitor's local time when the chat started (ISO with offset). */
  localTime?: string;
}

/** The operator a chat is assigned to. */
export interface ChatAssignee {
  id: string;
  name: string;
}

/** The inbox's views: mine, unassigned (not closed), every open or pending chat, closed. */
export const INBOX_VIEWS = ['mine', 'unassigned', 'open', 'closed'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/** `GET /v1/inbox/counts`: chats per view. */
export type InboxCounts = Record<InboxView, number>;

/** `POST /v1/chats/:id/assign`: an operator of the account, or null to unassign. */
export interface AssignChatRequest {
  userId: string | null;
}

/** `GET|PUT /v1/settings/inbox` (admins). */
export interface InboxSettings {
  /** A visitor writing to a closed chat reopens it (else the message is refused). */
  reopenOnVisitorMessage: boolean;
  /** New chats go round-robin to the operators who are online. */
  autoAssign: boolean;
}

/** `GET /v1/inbox/operators`: who can take chats, and whether they have the console open. */
export interface OperatorPresenceDto {
  id: string;
  name: string;
  role: string;
  presence: 'online' | 'away';
}

/** `GET /v1/chats/:id/visitor`: the side panel. */
export interface VisitorProfileDto {
  chat: ChatDto;
  /** The same visitor's other conversations (by identified id or email), newest first. */
  earlier: ChatDto[];
}

/** `GET /v1/widget/greeting`: what the bot says before anyone writes, shown by the widget before a chat exists. */
export interface WidgetGreeting {
  botName: string;
  /** The bot's opening `say` steps (empty when the bot is off). */
  texts: string[];
  /** Writing to a closed chat reopens it (the account's inbox setting): the widget keeps the composer. */
  reopenClosedChats: boolean;
}
