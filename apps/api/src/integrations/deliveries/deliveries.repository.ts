import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeliveryKind, DeliveryStatus, EventType } from '@satchel/contracts';
import { DataSource, In, LessThan } from 'typeorm';
import { newestFirstPage, type NewestFirstPage } from '../../database/newest-first-page';
import { DeliveryAttemptEntity, DeliveryEntity } from './delivery.entity';

export interface DeliveryFilter {
  accountId: string;
  attachmentId?: string;
  chatId?: string;
  status?: DeliveryStatus;
  kind?: DeliveryKind;
  skip: number;
  take: number;
  /** Keyset position (newest first): rows strictly older than it; `skip` is then ignored. */
  after?: { value: string; id: string };
}

export type DeliveryPage = NewestFirstPage<DeliveryEntity>;

export interface AttemptResult {
  durationMs: number;
  httpStatus: number | null;
  responseExcerpt: string | null;
  error: string | null;
  outcome: DeliveryAttemptEntity['outcome'];
}

/** What processing changes on a delivery (never its identity or payload). */
export type DeliveryPatch = Partial<
  Pick<
    DeliveryEntity,
    'status' | 'target' | 'lastError' | 'lastHttpStatus' | 'uid' | 'url' | 'exportKey' | 'completedAt'
  >
>;

const FINAL: DeliveryStatus[] = ['delivered', 'exported'];

@Injectable()
export class DeliveriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get repo() {
    return this.db.getRepository(DeliveryEntity);
  }

  private get attemptsRepo() {
    return this.db.getRepository(DeliveryAttemptEntity);
  }

  /** The callback/export record of an attachment, created once (concurrent callers get the same row). */
  async ensureForAttachment(
    kind: 'callback' | 'export',
    a: { accountId: string; attachmentId: string; chatId: string | null },
  ): Promise<{ delivery: DeliveryEntity; created: boolean }> {
    const inserted = await this.db.query<{ id: string }[]>(
      `INSERT INTO deliveries (account_id, kind, attachment_id, chat_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (attachment_id, kind) WHERE kind IN ('callback', 'export') DO NOTHING RETURNING id`,
      [a.accountId, kind, a.attachmentId, a.chatId],
    );
    const delivery = await this.repo.findOneByOrFail({ attachmentId: a.attachmentId, kind });
    return { delivery, created: inserted.length > 0 };
  }

  createEvent(e: {
    accountId: string;
    eventType: EventType;
    payload: Record<string, unknown>;
    target: string;
    chatId: string | null;
    attachmentId: string | null;
  }): Promise<DeliveryEntity> {
    return this.repo.save(this.repo.create({ ...e, kind: 'event', status: 'pending', attempts: 0 }));
  }

  find(id: string): Promise<DeliveryEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findInAccount(accountId: string, id: string): Promise<DeliveryEntity | null> {
    return this.repo.findOneBy({ accountId, id });
  }

  async list(f: DeliveryFilter): Promise<DeliveryPage> {
    const qb = this.repo
      .createQueryBuilder('d')
      .where('d.accountId = :accountId', { accountId: f.accountId });
    if (f.attachmentId) qb.andWhere('d.attachmentId = :attachmentId', { attachmentId: f.attachmentId });
    if (f.chatId) qb.andWhere('d.chatId = :chatId', { chatId: f.chatId });
    if (f.status) qb.andWhere('d.status = :status', { status: f.status });
    if (f.kind) qb.andWhere('d.kind = :kind', { kind: f.kind });
    return newestFirstPage(qb, 'd', f);
  }

  async attemptsOf(deliveryIds: string[]): Promise<Map<string, DeliveryAttemptEntity[]>> {
    const rows = deliveryIds.length
      ? await this.attemptsRepo.find({ where: { deliveryId: In(deliveryIds) }, order: { attempt: 'ASC' } })
      : [];
    const map = new Map<string, DeliveryAttemptEntity[]>();
    for (const r of rows) map.set(r.deliveryId, [...(map.get(r.deliveryId) ?? []), r]);
    return map;
  }

  /** Callback and export records of these attachments. */
  forAttachments(attachmentIds: string[]): Promise<DeliveryEntity[]> {
    if (!attachmentIds.length) return Promise.resolve([]);
    return this.repo.findBy({ attachmentId: In(attachmentIds), kind: In(['callback', 'export']) });
  }

  /**
   * Counts the attempt and logs it as interrupted until `finishAttempt` says otherwise, so a worker
   * that dies mid-delivery leaves a visible trace.
   */
  async beginAttempt(deliveryId: string): Promise<{ attempt: number; attemptId: string; startedAt: Date }> {
    const rows = await this.db.query<{ attempts: number }[][]>(
      `UPDATE deliveries SET attempts = attempts + 1, updated_at = now() WHERE id = $1 RETURNING attempts`,
      [deliveryId],
    );
    const attempt = rows[0]?.[0]?.attempts ?? 1;
    const startedAt = new Date();
    const row = await this.attemptsRepo.save(
      this.attemptsRepo.create({
        deliveryId,
        attempt,
        startedAt,
        durationMs: 0,
        outcome: 'error',
        error: 'Interrupted: the worker stopped before this attempt finished',
        httpStatus: null,
        responseExcerpt: null,
      }),
    );
    return { attempt, attemptId: row.id, startedAt };
  }

  async finishAttempt(attemptId: string, r: AttemptResult): Promise<void> {
    await this.attemptsRepo.update({ id: attemptId }, r);
  }

  /** Moves a delivery on, unless another worker already completed it (at-least-once safety). */
  async updateUnlessDone(id: string, patch: DeliveryPatch): Promise<boolean> {
    const res = await this.repo
      .createQueryBuilder()
      .update()
      .set({ ...patch, updatedAt: () => 'now()' })
      .where('id = :id AND status NOT IN (:...final)', { id, final: FINAL })
      .execute();
    return (res.affected ?? 0) > 0;
  }

  async failIfPending(id: string, error: string): Promise<void> {
    await this.repo.update({ id, status: 'pending' }, { status: 'failed', lastError: error });
  }

  /** Reserves an export object name; false when another export of the account already uses it. */
  async reserveExportTarget(id: string, target: string, key: string): Promise<boolean> {
    try {
      await this.repo.update({ id }, { target, exportKey: key });
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === '23505') return false;
      throw err;
    }
  }

  /** Manual retry: back to pending (the attempt counter and log are kept). */
  async resetForRetry(id: string): Promise<void> {
    await this.repo.update({ id }, { status: 'pending', completedAt: null });
  }

  /** Pending deliveries untouched since `before`: their job may be missing (e.g. Redis was down). */
  stalePending(before: Date, limit: number): Promise<DeliveryEntity[]> {
    return this.repo.find({
      where: { status: 'pending', updatedAt: LessThan(before) },
      order: { updatedAt: 'ASC' },
      take: limit,
    });
  }

  /** Failed exports of an account (for the backlog call). */
  failedExports(accountId: string, limit: number): Promise<DeliveryEntity[]> {
    return this.repo.find({ where: { accountId, kind: 'export', status: 'failed' }, take: limit });
  }
}
