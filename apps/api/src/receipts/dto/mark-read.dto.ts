import { ApiProperty } from '@nestjs/swagger';
import type { MarkReadRequest } from '@satchel/contracts';
import { IsUUID } from 'class-validator';

export class MarkReadDto implements MarkReadRequest {
  /** The newest message of the chat the caller has on screen. */
  @ApiProperty() @IsUUID() messageId: string;
}
