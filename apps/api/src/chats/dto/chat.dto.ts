import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ChatListQuery,
  CreateChatRequest,
  SendMessageRequest,
  StartWidgetChatRequest,
} from '@satchel/contracts';
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
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { OptionalIntRange } from '../../common/validation/int-range';

export class StartWidgetChatDto implements StartWidgetChatRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) widgetKey: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) name?: string;
  /** From the widget's pre-chat form. */
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
}

export class CreateChatDto implements CreateChatRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) visitorName?: string;
}

export class ChatListQueryDto extends PageQueryDto implements ChatListQuery {
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed']) status?:
    'open' | 'closed';
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
