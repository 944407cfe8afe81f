import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type UploadGroupKind = 'operator' | 'verified_visitor';

/** An account's group with its own upload rule; members in `upload_group_members`. */
@Entity('upload_groups')
export class UploadGroupEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('text') name: string;
  @Column('text') kind: UploadGroupKind;
  @Column('boolean') enabled: boolean;
  @Column('text', { name: 'allowed_types' }) allowedTypes: string;
  @Column('integer', { name: 'max_size_kb' }) maxSizeKb: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
