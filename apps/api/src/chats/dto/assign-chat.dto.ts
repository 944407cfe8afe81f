import { ApiProperty } from '@nestjs/swagger';
import type { AssignChatRequest } from '@satchel/contracts';
import { IsUUID, ValidateIf } from 'class-validator';

export class AssignChatDto implements AssignChatRequest {
  @ApiProperty({ nullable: true, description: 'A member of the account, or null to unassign' })
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  userId: string | null;
}
