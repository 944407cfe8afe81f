import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type TokenKind = 'session' | 'api' | 'visitor';

/** Session, API and visitor tokens; only a SHA-256 of the secret is stored. */
@Entity('auth_tokens')
export class AuthTokenEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') kind: TokenKind;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('uuid', { name: 'user_id', nullable: true }) userId: string | null;
  @Column('uuid', { name: 'chat_id', nullable: true }) chatId: string | null;
  @Column('text') name: string;
  @Column('text', { name: 'token_hash' }) tokenHash: string;
  @Column('text') last4: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'expires_at', nullable: true }) expiresAt: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt: Date | null;
}
