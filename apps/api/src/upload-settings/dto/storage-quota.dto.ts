import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';

/** `PUT /v1/accounts/:id/quota`: null (or absent) removes a limit. */
export class UpdateStorageQuotaDto {
  @ApiPropertyOptional({ nullable: true, description: 'Bytes the account may store' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  maxBytes?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'Files the account may store' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  maxFiles?: number | null;
}
