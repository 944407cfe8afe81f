import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeliveryDto, Page } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { DeliveriesService } from './deliveries.service';
import { DeliveryListQueryDto } from './dto/delivery-list-query.dto';

@ApiTags('integrations')
@ApiBearerAuth()
@Allow(...ADMINS)
@Controller('v1/deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get()
  list(@CurrentPrincipal() p: Principal, @Query() q: DeliveryListQueryDto): Promise<Page<DeliveryDto>> {
    return this.deliveries.list(p.accountId, q);
  }

  @Get(':id')
  get(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<DeliveryDto> {
    return this.deliveries.get(p.accountId, id);
  }

  @Post(':id/retry')
  @HttpCode(202)
  retry(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<DeliveryDto> {
    return this.deliveries.retry(p.accountId, id);
  }
}
