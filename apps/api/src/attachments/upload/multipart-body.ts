import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What an upload reads: the raw request stream and its headers, plus the response the stream
 * belongs to (to close the connection after a stalled upload). The HTTP layer's request is one.
 */
export type MultipartBody = IncomingMessage & { res?: ServerResponse };
