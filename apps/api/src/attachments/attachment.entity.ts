import type { StorageDriverName } from '../storage/storage.driver';
import type { ActorRole } from '@satchel/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AttachmentSource = 'upload' | 'seed-upload' | 'url';
/**
 * `unscanned`: clamd was down and the account fails open; a job rescans it. `scanning`: a resumable
 * upload stored and waiting for the `scans.upload` job's verdict.
 */
export type ScanStatus = 'clean' | 'infected' | 'unscanned' | 'scanning';

const bigintAsNumber = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A stored file. The row exists only once its object is in storage. */
@Entity('attachments')
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('uuid', { name: 'chat_id', nullable: true }) chatId: string | null;
  @Column('uuid', { name: 'message_id', nullable: true }) messageId: string | null;
  /** Sanitized display name; never a storage path. */
  @Column('text') name: string;
  @Column('text') extension: string;
  @Column('bigint', { transformer: bigintAsNumber }) size: number;
  /** Detected from the content, never the client's. */
  @Column('text', { name: 'content_type' }) contentType: string;
  @Column('text') sha256: string;
  @Column('text', { name: 'storage_driver' }) storageDriver: StorageDriverName;
  @Column('text', { name: 'storage_key' }) storageKey: string;
  @Column('text') source: AttachmentSource;
  @Column('text', { name: 'source_url', nullable: true }) sourceUrl: string | null;
  @Column('text', { name: 'uploaded_by_role' }) uploadedByRole: ActorRole;
  @Column('uuid', { name: 'uploaded_by_id', nullable: true }) uploadedById: string | null;
  @Column('text', { name: 'uploaded_by_name' }) uploadedByName: string;
  /** The client's `Idempotency-Key` and the file's position in that request. */
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey: string | null;
  @Column('int', { name: 'idempotency_index', nullable: true }) idempotencyIndex: number | null;
  /** Seed 000's `user_id`: the end user the file belongs to. */
  @Column('text', { name: 'end_user_id', nullable: true }) endUserId: string | null;
  /** Seed 003's `channel` (from-URL uploads). */
  @Column('text', { nullable: true }) channel: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** Set when retention removed the bytes: the row stays as the chat's tombstone. */
  @Column('timestamptz', { name: 'expired_at', nullable: true }) expiredAt?: Date | null;
  @Column('text', { name: 'expiry_reason', nullable: true }) expiryReason?: string | null;
  /** Kept at least until then, whatever the policy says ("extend"). */
  @Column('timestamptz', { name: 'retain_until', nullable: true }) retainUntil?: Date | null;
  @Column('boolean', { name: 'legal_hold', default: false }) legalHold?: boolean;
  /** Stored encrypted at rest. */
  @Column('boolean', { default: false }) encrypted: boolean;
  /** clamd's verdict; null when scanning was off for this upload. */
  @Column('text', { name: 'scan_status', nullable: true }) scanStatus: ScanStatus | null;
  @Column('text', { name: 'scan_signature', nullable: true }) scanSignature: string | null;
  @Column('timestamptz', { name: 'scanned_at', nullable: true }) scannedAt: Date | null;
  /** Why the content is active (PDF JavaScript, macros, SVG): then it is only ever served as an attachment. */
  @Column('text', { name: 'active_content', nullable: true }) activeContent: string | null;
}
