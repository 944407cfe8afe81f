import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ChatbotSettings, ChatbotStep, CreateFileRequestRequest } from '@satchel/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export const MAX_STEPS = 50;

export class ChatbotSettingsDto implements ChatbotSettings {
  @ApiProperty() @IsBoolean() enabled: boolean;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(60) botName: string;
  /** Each step is checked by `parseSteps` (a union that class-validator cannot express). */
  @ApiProperty({
    description:
      'Ordered steps: {type:"say",text} | {type:"askFile",prompt,allowedTypes?,maxSizeKb?,skippable?} | {type:"handover",text?}',
    type: 'array',
    items: { type: 'object' },
  })
  @IsArray()
  @ArrayMaxSize(MAX_STEPS)
  steps: ChatbotStep[];
}

export class CreateFileRequestDto implements CreateFileRequestRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(1000)
  @Matches(/\S/, { message: 'prompt must not be empty' })
  prompt: string;
  @ApiPropertyOptional({
    description: 'Pipe-delimited extensions, narrower than the visitor rule: `pdf|png`',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  allowedTypes?: string;
  @ApiPropertyOptional({ description: 'KB (1024 bytes), narrower than the visitor rule' })
  @IsOptional()
  @IsInt()
  @Min(1)
  maxSizeKb?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() skippable?: boolean;
}
