import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { UsersRepository } from '../users/users.repository';
import { AccountsService } from './accounts.service';

export interface FirstLogin {
  email: string;
  /** Only set when it was generated now (printed once). */
  generatedPassword?: string;
}

/** On the very first start, creates the platform owner and a first account. */
@Injectable()
export class FirstStartService {
  private readonly log = new Logger('FirstStart');

  constructor(
    private readonly accounts: AccountsService,
    private readonly users: UsersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ensureOwner(): Promise<FirstLogin | null> {
    if ((await this.users.countOwners()) > 0) return null;
    const generated = this.config.admin.password ? undefined : randomBytes(12).toString('base64url');
    const password = this.config.admin.password ?? generated ?? '';
    try {
      await this.accounts.create({
        name: 'My company',
        adminEmail: this.config.admin.email,
        adminName: 'Owner',
        adminPassword: password,
        adminRole: 'owner',
      });
    } catch (err) {
      // Another process may have created it at the same moment.
      if ((await this.users.countOwners()) > 0) return null;
      throw err;
    }
    this.log.log(`Created the platform owner ${this.config.admin.email} and a first account`);
    return { email: this.config.admin.email, generatedPassword: generated };
  }
}
