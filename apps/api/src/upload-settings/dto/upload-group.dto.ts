import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateUploadGroupRequest, UpdateUploadGroupRequest } from '@satchel/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class CreateUploadGroupDto implements CreateUploadGroupRequest {
  @ApiProperty({ example: 'Billing' }) @IsString() @MinLength(1) @MaxLength(60) name: string;
  @ApiPropertyOptional({ enum: ['operator', 'verified_visitor'], default: 'operator' })
  @IsOptional()
  @IsIn(['operator', 'verified_visitor'])
  kind?: 'operator' | 'verified_visitor';
  @ApiProperty() @IsBoolean() enabled: boolean;
  @ApiProperty({ example: 'pdf|xlsx' }) @IsString() @MaxLength(1000) allowedTypes: string;
  @ApiProperty({ example: 25600 }) @IsInt() @Min(1) maxSizeKb: number;
}

export class UpdateUploadGroupDto implements UpdateUploadGroupRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(60) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) allowedTypes?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) maxSizeKb?: number;
}

export class UploadGroupMembersDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  userIds: string[];
}
