import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { UploadGroupEntity } from './upload-group.entity';

export interface GroupWithMembers extends UploadGroupEntity {
  memberIds: string[];
}

@Injectable()
export class UploadGroupsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get repo() {
    return this.db.getRepository(UploadGroupEntity);
  }

  async list(accountId: string): Promise<GroupWithMembers[]> {
    const groups = await this.repo.find({ where: { accountId }, order: { name: 'ASC' } });
    if (groups.length === 0) return [];
    const members: { group_id: string; user_id: string }[] = await this.db.query(
      `SELECT group_id, user_id FROM upload_group_members WHERE group_id = ANY($1::uuid[])`,
      [groups.map((g) => g.id)],
    );
    return groups.map((g) =>
      Object.assign(g, { memberIds: members.filter((m) => m.group_id === g.id).map((m) => m.user_id) }),
    );
  }

  /** Would this name (case-insensitive) or a second verified-visitor group clash with another group? */
  async clashes(accountId: string, name: string, kind: string, exceptId: string | null): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM upload_groups WHERE account_id = $1 AND id IS DISTINCT FROM $4::uuid
         AND (lower(name) = lower($2) OR ($3 = 'verified_visitor' AND kind = 'verified_visitor')) LIMIT 1`,
      [accountId, name, kind, exceptId],
    );
    return rows.length > 0;
  }

  find(accountId: string, id: string): Promise<UploadGroupEntity | null> {
    return this.repo.findOneBy({ accountId, id });
  }

  insert(row: Omit<UploadGroupEntity, 'id' | 'createdAt'>): Promise<UploadGroupEntity> {
    return this.repo.save(this.repo.create(row));
  }

  async update(row: UploadGroupEntity): Promise<void> {
    await this.repo.save(row);
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    return ((await this.repo.delete({ accountId, id })).affected ?? 0) > 0;
  }

  /** Replaces the members; false (and nothing changed) when a user is not of the group's account. */
  async setMembers(group: UploadGroupEntity, userIds: string[]): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const [{ n }]: { n: number }[] = await m.query(
        `SELECT count(*)::int AS n FROM users WHERE account_id = $1 AND id = ANY($2::uuid[])`,
        [group.accountId, userIds],
      );
      if (n !== userIds.length) return false;
      await m.query(`DELETE FROM upload_group_members WHERE group_id = $1`, [group.id]);
      await m.query(`INSERT INTO upload_group_members (group_id, user_id) SELECT $1, unnest($2::uuid[])`, [
        group.id,
        userIds,
      ]);
      return true;
    });
  }

  /** The operator groups a user belongs to. */
  async ofUser(accountId: string, userId: string): Promise<UploadGroupEntity[]> {
    const ids: { id: string }[] = await this.db.query(
      `SELECT g.id FROM upload_groups g JOIN upload_group_members m ON m.group_id = g.id
        WHERE g.account_id = $1 AND m.user_id = $2 AND g.kind = 'operator'`,
      [accountId, userId],
    );
    if (ids.length === 0) return [];
    return this.repo.find({ where: { id: In(ids.map((r) => r.id)) }, order: { name: 'ASC' } });
  }

  /** The verified-visitor group, when the chat's visitor is verified. */
  async ofVisitor(accountId: string, chatId: string): Promise<UploadGroupEntity[]> {
    const rows: { visitor_verified: boolean | null }[] = await this.db.query(
      `SELECT visitor_verified FROM chats WHERE id = $1 AND account_id = $2`,
      [chatId, accountId],
    );
    if (rows[0]?.visitor_verified !== true) return [];
    return this.repo.findBy({ accountId, kind: 'verified_visitor' });
  }
}
