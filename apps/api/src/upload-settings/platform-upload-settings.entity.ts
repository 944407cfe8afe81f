import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The owner's platform defaults and ceilings (one row, id 1). A null column falls back to the environment. */
@Entity('platform_upload_settings')
export class PlatformUploadSettingsEntity {
  @PrimaryColumn('smallint') id: number;
  @Column('boolean', { name: 'visitor_enabled', nullable: true }) visitorEnabled: boolean | null;
  @Column('text', { name: 'visitor_allowed_types', nullable: true }) visitorAllowedTypes: string | null;
  @Column('integer', { name: 'visitor_max_size_kb', nullable: true }) visitorMaxSizeKb: number | null;
  @Column('boolean', { name: 'operator_enabled', nullable: true }) operatorEnabled: boolean | null;
  @Column('text', { name: 'operator_allowed_types', nullable: true }) operatorAllowedTypes: string | null;
  @Column('integer', { name: 'operator_max_size_kb', nullable: true }) operatorMaxSizeKb: number | null;
  @Column('integer', { name: 'ceiling_max_size_kb', nullable: true }) ceilingMaxSizeKb: number | null;
  @Column('text', { name: 'ceiling_allowed_types', nullable: true }) ceilingAllowedTypes: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
