import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The whole message with quoted-printable soft breaks and escapes decoded (enough to read links). */
  body: string;
  subject: string;
}

export interface SmtpTestServer {
  /** `smtp://127.0.0.1:<port>` for SMTP_URL. */
  url: string;
  mails: ReceivedMail[];
  /** The first mail to `to` (optionally matching `subject`) received so far or within `timeoutMs`. */
  waitFor(to: string, subject?: RegExp, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function subjectOf(body: string): string {
  return /^Subject: (.*)$/m.exec(body)?.[1]?.trim() ?? '';
}

/** A real SMTP server on loopback (npm `smtp-server`), no TLS and no auth, that keeps what it receives. */
export async function startSmtpServer(opts: { failFirst?: number } = {}): Promise<SmtpTestServer> {
  const mails: ReceivedMail[] = [];
  let failuresLeft = opts.failFirst ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          const err = Object.assign(new Error('Try again later'), { responseCode: 451 });
          return callback(err);
        }
        const body = decodeQuotedPrintable(Buffer.concat(chunks).toString('utf8'));
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          body,
          subject: subjectOf(body),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  const find = (to: string, subject?: RegExp) =>
    mails.find((m) => m.to.includes(to) && (!subject || subject.test(m.subject)));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async waitFor(to, subject, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = find(to, subject);
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`no email to ${to} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the first console link to `path` (e.g. `invitation`, `reset-password`) in a mail. */
export function tokenIn(mail: { body: string } | { text: string }, path: string): string {
  const body = 'body' in mail ? mail.body : mail.text;
  const m = new RegExp(`/console/${path}\\?token=([A-Za-z0-9_-]+)`).exec(body);
  if (!m?.[1]) throw new Error(`no ${path} link in the email`);
  return m[1];
}
