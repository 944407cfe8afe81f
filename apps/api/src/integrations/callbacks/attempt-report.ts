import type { AttemptReport } from '../deliveries/delivery-attempts';
import type { SendResult } from './callback-sender';

/** A file callback's or an event's send, as the delivery attempt log records it. */
export function reportOf(r: SendResult): AttemptReport {
  const base = {
    retryable: r.retryable,
    httpStatus: r.httpStatus,
    excerpt: r.excerpt,
    durationMs: r.durationMs,
  };
  switch (r.outcome.kind) {
    case 'delivered':
      return {
        ...base,
        outcome: 'delivered',
        error: null,
        result: { uid: r.outcome.uid || null, url: r.outcome.url || null },
      };
    case 'refused':
      return { ...base, outcome: 'refused', error: `Refused: ${r.outcome.message}` };
    default:
      return { ...base, outcome: 'error', error: r.outcome.error };
  }
}
