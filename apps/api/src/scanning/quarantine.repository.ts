import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttachmentEntity, type ScanStatus } from '../attachments/attachment.entity';

/** Attachments by scan verdict: the quarantine, the files waiting for a rescan. */
@Injectable()
export class QuarantineRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo() {
    return this.db.getRepository(AttachmentEntity);
  }

  infected(accountId: string, take: number): Promise<AttachmentEntity[]> {
    return this.repo().find({
      where: { accountId, scanStatus: 'infected' },
      order: { createdAt: 'DESC' },
      take,
    });
  }

  /** Stored while clamd was down (fail-open), oldest first. */
  unscanned(take: number): Promise<AttachmentEntity[]> {
    return this.repo().find({ where: { scanStatus: 'unscanned' }, order: { createdAt: 'ASC' }, take });
  }

  /** An account's files not in quarantine, by id, for a full rescan (`scanning` ones have their job). */
  notInfected(accountId: string, afterId: string, take: number): Promise<AttachmentEntity[]> {
    return this.repo()
      .createQueryBuilder('a')
      .where('a.accountId = :accountId AND a.id > :afterId', { accountId, afterId })
      .andWhere("(a.scanStatus IS NULL OR a.scanStatus NOT IN ('infected', 'scanning'))")
      .orderBy('a.id', 'ASC')
      .take(take)
      .getMany();
  }

  async findById(id: string): Promise<AttachmentEntity | null> {
    return this.repo().findOneBy({ id });
  }

  /** Settles a `scanning` file; false when it is gone or was settled meanwhile (a rescan). */
  async settleScanning(id: string, status: ScanStatus, signature: string | null): Promise<boolean> {
    const res = await this.repo().update(
      { id, scanStatus: 'scanning' },
      { scanStatus: status, scanSignature: signature, scannedAt: status === 'unscanned' ? null : new Date() },
    );
    return (res.affected ?? 0) > 0;
  }

  /** False when the row is gone (deleted meanwhile). */
  async setVerdict(id: string, status: ScanStatus, signature: string | null): Promise<boolean> {
    const res = await this.repo().update(
      { id },
      { scanStatus: status, scanSignature: signature, scannedAt: new Date() },
    );
    return (res.affected ?? 0) > 0;
  }
}
