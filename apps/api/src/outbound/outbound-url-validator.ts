import { Inject, Injectable } from '@nestjs/common';
import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { OutboundUrlBlockedError } from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { compileAllowList, normalizeHost, type OutboundAllowList } from './address-policy';
import { connectionRefusal } from './guarded-agent';
import { createGuardedLookup } from './guarded-lookup';
import { OutboundBlockedError } from './outbound.types';
import { parseTarget } from './redirects';

/** A save should not hang on a slow resolver; the connect-time guard still checks every request. */
const LOOKUP_TIMEOUT_MS = 5000;

/**
 * Checks a URL Satchel will call later (callback, event and S3 endpoint URLs) when it is saved, with
 * the connect-time policy: scheme, IP literals in any spelling (the URL parser normalizes `127.1`,
 * `2130706433`, `0x7f000001`, `[::ffff:127.0.0.1]`), and every address a name resolves to.
 * A name that does not resolve now is accepted: it is checked again on every connection.
 */
@Injectable()
export class OutboundUrlValidator {
  private readonly allow: OutboundAllowList;
  private readonly lookup: ReturnType<typeof createGuardedLookup>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.allow = compileAllowList(config.outbound.allow);
    this.lookup = createGuardedLookup(this.allow);
  }

  /** Throws a 400 (`OUTBOUND_URL_BLOCKED`) naming `field` when the URL may not be called. */
  async assertAllowed(field: string, raw: string): Promise<void> {
    const reason = await this.refusalOf(raw);
    if (reason) throw new OutboundUrlBlockedError(field, reason);
  }

  private async refusalOf(raw: string): Promise<string | undefined> {
    let url: URL;
    try {
      url = parseTarget(raw);
    } catch (err) {
      if (err instanceof OutboundBlockedError) return err.reason;
      throw err;
    }
    const host = normalizeHost(url.hostname);
    if (isIP(host)) return connectionRefusal(host, host, this.allow);
    return this.resolveRefusal(host);
  }

  private resolveRefusal(host: string): Promise<string | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), LOOKUP_TIMEOUT_MS);
      this.lookup(
        host,
        { all: true },
        (err: NodeJS.ErrnoException | null, _addresses: LookupAddress[] | string) => {
          clearTimeout(timer);
          resolve(err instanceof OutboundBlockedError ? err.reason : undefined);
        },
      );
    });
  }
}
