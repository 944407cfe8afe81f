import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import type { Request } from 'express';

/**
 * One CLS context per HTTP request (its id is the `requestId` middleware's id, the one every log
 * line carries) and per transaction: repositories read the current transaction from `TransactionHost`.
 * Jobs, sockets and commands need no context of their own: `withTransaction` opens one when missing.
 */
export const requestContextModule = () =>
  ClsModule.forRoot({
    global: true,
    middleware: { mount: true, generateId: true, idGenerator: (req: Request) => req.id },
    plugins: [
      new ClsPluginTransactional({
        adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
      }),
    ],
  });
