import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { Semaphore } from '../common/concurrency/semaphore';
import { BusyError } from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

/**
 * argon2id with the configured parameters (OWASP minimum m=19456 KiB, t=2, p=1 by default). Each
 * hash or verify holds `memoryCost` KiB, so only `PASSWORD_HASH_CONCURRENCY` run at once and at most
 * `PASSWORD_HASH_QUEUE` wait (then 503 + Retry-After): a login flood cannot exhaust memory.
 * Stored hashes carry their own parameters, so older ones still verify.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private readonly options: argon2.HashOptions & { raw: false };
  private readonly slots: Semaphore;
  private dummyHash = '';

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.options = { type: argon2.argon2id, raw: false, ...config.passwords.argon2 };
    this.slots = new Semaphore(config.passwords.concurrency, config.passwords.queue, () => new BusyError(1));
  }

  /** A hash of a random secret with the current parameters: unknown emails verify against it. */
  async onModuleInit(): Promise<void> {
    this.dummyHash = await argon2.hash(randomBytes(16).toString('hex'), this.options);
  }

  hash(password: string): Promise<string> {
    return this.slots.run(() => argon2.hash(password, this.options));
  }

  /** Verifies against `hash`, or against the dummy hash when there is none, so both cost the same. */
  verify(hash: string | null | undefined, password: string): Promise<boolean> {
    const target = hash || this.dummyHash;
    return this.slots.run(async () => {
      try {
        return (await argon2.verify(target, password)) && target !== this.dummyHash;
      } catch {
        return false;
      }
    });
  }

  /** True when a stored hash was made with other parameters (rehash it after a successful login). */
  needsRehash(hash: string): boolean {
    try {
      const { memoryCost, timeCost, parallelism } = this.options;
      return argon2.needsRehash(hash, { memoryCost, timeCost, parallelism });
    } catch {
      return false;
    }
  }
}
