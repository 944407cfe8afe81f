/**
 * Every rate limit: what it counts, whose key it is counted under, its environment variable and
 * default. `overridable` limits can be changed per account by its admins (`PUT /v1/settings/rate-limits`).
 * Defaults let a real support team work (a busy agent, a chatbot, an API integration) and stop floods.
 */
export const RATE_LIMIT_POLICIES = {
  login_ip: {
    env: 'RATE_LIMIT_LOGIN_IP',
    default: '30/900',
    counts: 'Failed logins per client IP (then locked out for the rest of the window)',
    overridable: false,
  },
  login_email: {
    env: 'RATE_LIMIT_LOGIN_EMAIL',
    default: '10/900',
    counts: 'Failed logins per account email (a success resets it; admins see and clear lockouts)',
    overridable: false,
  },
  chat_start_ip: {
    env: 'RATE_LIMIT_CHAT_START_IP',
    default: '20/60',
    counts: 'Widget chats started per client IP',
    overridable: false,
  },
  chat_start_widget: {
    env: 'RATE_LIMIT_CHAT_START_WIDGET',
    default: '600/60',
    counts: 'Widget chats started per widget key (account)',
    overridable: true,
  },
  upload_visitor: {
    env: 'RATE_LIMIT_UPLOAD_VISITOR',
    default: '30/60',
    counts: 'Upload and from-URL requests per visitor (chat token)',
    overridable: true,
  },
  upload_token: {
    env: 'RATE_LIMIT_UPLOAD_TOKEN',
    default: '300/60',
    counts: 'Upload and from-URL requests per API token or signed-in user',
    overridable: true,
  },
  upload_account: {
    env: 'RATE_LIMIT_UPLOAD_ACCOUNT',
    default: '1200/60',
    counts: 'Upload and from-URL requests per account',
    overridable: true,
  },
  message_sender: {
    env: 'RATE_LIMIT_MESSAGE_SENDER',
    default: '60/60',
    counts: 'Messages per Socket.IO connection (socket) or per token (HTTP)',
    overridable: true,
  },
  message_chat: {
    env: 'RATE_LIMIT_MESSAGE_CHAT',
    default: '120/60',
    counts: 'Messages per chat (HTTP and Socket.IO together)',
    overridable: true,
  },
  connection: {
    env: 'RATE_LIMIT_CONNECTION',
    default: '60/60',
    counts: 'Socket.IO connection strings issued per token',
    overridable: true,
  },
  integration_test: {
    env: 'RATE_LIMIT_INTEGRATION_TEST',
    default: '10/60',
    counts: 'Callback and S3 connection tests per account',
    overridable: false,
  },
  download_ip: {
    env: 'RATE_LIMIT_DOWNLOAD_IP',
    default: '1200/60',
    counts: 'Public downloads (signed URLs, `/content`) per client IP',
    overridable: false,
  },
  chat_archive_user: {
    env: 'RATE_LIMIT_CHAT_ARCHIVE_USER',
    default: '10/60',
    counts: "Zips of a chat's files (download all) per signed-in user or API token",
    overridable: true,
  },
  password_reset_ip: {
    env: 'RATE_LIMIT_PASSWORD_RESET_IP',
    default: '20/900',
    counts: 'Password-reset requests and confirmations, invitation look-ups and accepts per client IP',
    overridable: false,
  },
  password_reset_email: {
    env: 'RATE_LIMIT_PASSWORD_RESET_EMAIL',
    default: '3/900',
    counts: 'Password-reset emails per address (further requests get the same answer, no email)',
    overridable: false,
  },
  totp_user: {
    env: 'RATE_LIMIT_TOTP_USER',
    default: '10/900',
    counts: 'Two-factor codes tried per user (sign-in and enrolment)',
    overridable: false,
  },
} as const;

export type RateLimitPolicy = keyof typeof RATE_LIMIT_POLICIES;
export const POLICY_NAMES = Object.keys(RATE_LIMIT_POLICIES) as RateLimitPolicy[];

export interface Limit {
  points: number;
  seconds: number;
}

export const LIMIT_FORMAT = /^(\d{1,7})\/(\d{1,6})$/;
const MAX_POINTS = 1_000_000;
const MAX_SECONDS = 86_400;

/** `points/seconds`, e.g. `10/60` = 10 per minute; undefined when malformed or out of bounds. */
export function parseLimit(value: string): Limit | undefined {
  const match = LIMIT_FORMAT.exec(value.trim());
  if (!match) return undefined;
  const points = Number(match[1]);
  const seconds = Number(match[2]);
  if (points < 1 || points > MAX_POINTS || seconds < 1 || seconds > MAX_SECONDS) return undefined;
  return { points, seconds };
}

export const LIMIT_RULE = `points/seconds with 1 ≤ points ≤ ${MAX_POINTS} and 1 ≤ seconds ≤ ${MAX_SECONDS}, e.g. 10/60`;

export function formatLimit(limit: Limit): string {
  return `${limit.points}/${limit.seconds}`;
}
