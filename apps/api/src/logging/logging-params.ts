import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Params } from 'nestjs-pino';

type Req = IncomingMessage & { originalUrl?: string };

/** The path without its query: signed download links carry their signature in the query. */
function pathOf(req: Req): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0];
}

/** nestjs-pino / pino-http settings over the root logger: one line per request, the request id on every line. */
export function loggingParams(root: Logger): Params {
  return {
    renameContext: 'context',
    pinoHttp: {
      logger: root,
      // The id `requestId` middleware set (and echoed in X-Request-Id) before this logger runs.
      genReqId: (req: IncomingMessage) => req.id ?? '',
      customAttributeKeys: { reqId: 'reqId' },
      quietReqLogger: true,
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
      serializers: {
        req: (req: Req) => ({ method: req.method, path: pathOf(req) }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
