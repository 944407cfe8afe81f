import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ChatStatus,
  ChatListQuery,
  CreateChatRequest,
  SendMessageRequest,
  StartWidgetChatRequest,
} from '@satchel/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { VisitorContextDto } from './visitor-context.dto';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { OptionalIntRange } from '../../common/validation/int-range';

export class StartWidgetChatDto implements StartWidgetChatRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) widgetKey: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) name?: string;
  /** From the widget's pre-chat form. */
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  /** The page and browser the visitor writes from. */
  @ApiPropertyOptional({ type: VisitorContextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => VisitorContextDto)
  context?: VisitorContextDto;
}

export class CreateChatDto implements CreateChatRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) visitorName?: string;
}

export class ChatListQueryDto extends PageQueryDto implements ChatListQuery {
  @ApiPropertyOptional({ enum: ['open', 'pending', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'pending', 'closed'])
  status?: ChatStatus;
  @ApiPropertyOptional({ description: 'Search in the visitor name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class MessageListQueryDto {
  @ApiPropertyOptional({ description: 'Messages created before this message id' })
  @IsOptional()
  @IsUUID()
  before?: string;
  @ApiPropertyOptional({
    description: 'The `X-Next-Cursor` header of the previous page (older messages); wins over `before`',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;
  @OptionalIntRange(1, 200, 'Default 50') limit?: number;
}

export const MAX_MESSAGE_LENGTH = 10_000;

export class SendMessageDto implements SendMessageRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX_MESSAGE_LENGTH) text?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
  @ApiPropertyOptional({ description: 'Fulfil this open file request with the attachments' })
  @IsOptional()
  @IsUUID()
  fileRequestId?: string;
}
