import type { SearchLanguage } from '@satchel/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('accounts')
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { name: 'widget_key', unique: true }) widgetKey: string;
  /** Origins allowed to use the widget key and visitor tokens (scheme://host[:port], `*.` wildcard); empty = any. */
  @Column('text', { name: 'allowed_origins', array: true, default: () => "'{}'" }) allowedOrigins: string[];
  /** A PostgreSQL text search configuration (regconfig); the vector triggers read it. */
  @Column('text', { name: 'search_language', default: () => "'simple'" }) searchLanguage: SearchLanguage;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
