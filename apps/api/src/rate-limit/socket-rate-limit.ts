import { RateLimitedError } from '../common/errors/domain-errors';
import { RateLimitService } from './rate-limit.service';

export interface RateLimitedAck {
  ok: false;
  error: string;
  code: 'RATE_LIMITED';
  retryAfter: number;
}

/** `message:send` over Socket.IO: one point per socket and per chat; a refusal becomes an ack. */
export async function limitSocketMessage(
  limits: RateLimitService,
  target: { socketId: string; chatId: string; accountId: string },
): Promise<RateLimitedAck | null> {
  try {
    await limits.consume(
      [
        ['message_sender', `socket:${target.socketId}`],
        ['message_chat', target.chatId],
      ],
      target.accountId,
    );
    return null;
  } catch (err) {
    if (!(err instanceof RateLimitedError)) throw err;
    return { ok: false, error: err.message, code: 'RATE_LIMITED', retryAfter: err.retryAfter };
  }
}
