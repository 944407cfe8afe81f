import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ChatEntity } from '../chats/chat.entity';
import { STORAGE_DRIVER, type StorageDriver } from '../storage/storage.driver';
import type { AppearanceRow } from './appearance.defaults';
import { WidgetAppearanceEntity } from './widget-appearance.entity';

export interface VisitorIdentity {
  visitorName: string;
  visitorEmail: string | null;
  visitorExternalId: string;
  visitorVerified: boolean;
}

/** Appearance rows, avatar bytes in the configured storage, and the identified visitor on a chat. */
@Injectable()
export class AppearanceRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  find(accountId: string): Promise<WidgetAppearanceEntity | null> {
    return this.db.getRepository(WidgetAppearanceEntity).findOneBy({ accountId });
  }

  async save(row: AppearanceRow): Promise<void> {
    await this.db.getRepository(WidgetAppearanceEntity).upsert(row, ['accountId']);
  }

  async writeAvatar(key: string, bytes: Buffer): Promise<void> {
    await this.storage.write(key, Readable.from(bytes, { objectMode: false }), {
      contentType: 'image/webp',
      size: bytes.length,
    });
  }

  readAvatar(key: string): Promise<Readable> {
    return this.storage.read(key);
  }

  async deleteAvatar(key: string): Promise<void> {
    await this.storage.delete(key).catch(() => undefined);
  }

  findChat(accountId: string, chatId: string): Promise<ChatEntity | null> {
    return this.db.getRepository(ChatEntity).findOneBy({ accountId, id: chatId });
  }

  async identifyVisitor(chatId: string, identity: VisitorIdentity): Promise<ChatEntity> {
    const repo = this.db.getRepository(ChatEntity);
    await repo.update({ id: chatId }, identity);
    return repo.findOneByOrFail({ id: chatId });
  }
}
