import { ApiProperty } from '@nestjs/swagger';
import type { TotpConfirmRequest } from '@satchel/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class TotpCodeDto implements TotpConfirmRequest {
  @ApiProperty({ description: 'A 6-digit code from the app, or a recovery code' })
  @IsString()
  @MinLength(6)
  @MaxLength(20)
  code: string;
}
