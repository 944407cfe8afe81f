/** What a callback receiver's reply means (seed 002: `{status: 0, uid, url}` or `{status: 1, message}`). */
export type CallbackOutcome =
  | { kind: 'delivered'; uid: string; url: string }
  | { kind: 'refused'; message: string }
  | { kind: 'error'; error: string };

export function parseCallbackReply(httpStatus: number, body: Buffer): CallbackOutcome {
  if (httpStatus < 200 || httpStatus > 299)
    return { kind: 'error', error: `The receiver answered HTTP ${httpStatus}` };
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { kind: 'error', error: 'The reply is not JSON' };
  }
  const r = (json ?? {}) as Record<string, unknown>;
  if (Number(r.status) === 0 && r.status !== '' && r.status !== null) {
    if (typeof r.uid !== 'string' && typeof r.uid !== 'number')
      return { kind: 'error', error: 'The reply has status 0 but no uid' };
    return { kind: 'delivered', uid: String(r.uid), url: typeof r.url === 'string' ? r.url : '' };
  }
  if (Number(r.status) === 1) {
    return {
      kind: 'refused',
      message: typeof r.message === 'string' && r.message ? r.message : 'Refused without a message',
    };
  }
  return { kind: 'error', error: 'The reply is not {"status": 0|1, ...}' };
}

/** The first bytes of a reply, for the delivery log. */
export function excerptOf(body: Buffer, max = 2048): string {
  return body.subarray(0, max).toString('utf8');
}
