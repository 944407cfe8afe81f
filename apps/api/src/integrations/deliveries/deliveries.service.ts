import { Injectable } from '@nestjs/common';
import type { DeliveryDto, DeliveryListQuery, Page } from '@satchel/contracts';
import { ConflictError, NotFoundError } from '../../common/errors/domain-errors';
import { CURSOR_VALUES, decodeCursor, encodeCursor } from '../../common/pagination/keyset-cursor';
import { pageOf } from '../../common/pagination/page-query.dto';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { toDeliveryDto } from './delivery.mapper';

@Injectable()
export class DeliveriesService {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  async list(accountId: string, q: DeliveryListQuery): Promise<Page<DeliveryDto>> {
    const { page, pageSize, skip } = pageOf(q);
    const after = q.cursor ? decodeCursor(q.cursor, 'createdAt', 'DESC', CURSOR_VALUES.timestamp) : undefined;
    const { cursor: _cursor, ...filters } = q;
    const res = await this.deliveries.list({ ...filters, accountId, skip, take: pageSize, after });
    const attempts = await this.deliveries.attemptsOf(res.rows.map((r) => r.id));
    const last = res.rows.length - 1;
    return {
      items: res.rows.map((r) => toDeliveryDto(r, attempts.get(r.id))),
      total: res.total,
      totalIsLowerBound: res.totalIsLowerBound,
      page,
      pageSize,
      nextCursor: res.hasMore
        ? encodeCursor({ sort: 'createdAt', order: 'DESC', value: res.sortKeys[last], id: res.rows[last].id })
        : null,
    };
  }

  async get(accountId: string, id: string): Promise<DeliveryDto> {
    const d = await this.deliveries.findInAccount(accountId, id);
    if (!d) throw new NotFoundError('Delivery');
    return toDeliveryDto(d, (await this.deliveries.attemptsOf([d.id])).get(d.id));
  }

  /** Manual redelivery of a failed or refused delivery: same webhook-id, a fresh retry schedule. */
  async retry(accountId: string, id: string): Promise<DeliveryDto> {
    const d = await this.deliveries.findInAccount(accountId, id);
    if (!d) throw new NotFoundError('Delivery');
    if (d.status !== 'failed' && d.status !== 'refused') {
      throw new ConflictError(`Only failed or refused deliveries can be retried (this one is ${d.status})`, {
        status: d.status,
      });
    }
    await this.deliveries.resetForRetry(d.id);
    await this.dispatcher.enqueueSafely(d.kind, d.id);
    return this.get(accountId, id);
  }
}
