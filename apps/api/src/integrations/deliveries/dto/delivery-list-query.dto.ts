import { ApiPropertyOptional } from '@nestjs/swagger';
import type { DeliveryKind, DeliveryListQuery, DeliveryStatus } from '@satchel/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { CursorPageQueryDto } from '../../../common/pagination/page-query.dto';

export class DeliveryListQueryDto extends CursorPageQueryDto implements DeliveryListQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() attachmentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() chatId?: string;
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'refused', 'exported', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'refused', 'exported', 'failed'])
  status?: DeliveryStatus;
  @ApiPropertyOptional({ enum: ['callback', 'export', 'event'] })
  @IsOptional()
  @IsIn(['callback', 'export', 'event'])
  kind?: DeliveryKind;
}
