import type { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';

/** The current TypeORM transaction (or the plain manager outside one), as repositories read it. */
export type TypeOrmTx = TransactionHost<TransactionalAdapterTypeOrm>;
