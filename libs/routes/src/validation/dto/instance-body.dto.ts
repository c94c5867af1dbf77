import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PROTOCOLS, type Protocol } from '@switchboard/protocols';
import { PROVIDERS, type ProviderName } from '../../route.types';
import { InstanceAuthDto } from './instance-auth.dto';
import { InstanceOverrideDto } from './instance-override.dto';
import { ROUTE_LIMITS } from '../route-limits';

export class InstanceBodyDto {
  @ApiProperty({ maxLength: 100, description: 'Unique within the route.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: PROVIDERS })
  @IsIn(PROVIDERS)
  provider!: ProviderName;

  @ApiPropertyOptional({
    enum: PROTOCOLS,
    description:
      "Default: the provider's native protocol (anthropic*: anthropic-messages, others: openai-chat).",
  })
  @IsOptional()
  @IsIn(PROTOCOLS)
  protocol?: Protocol;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: ROUTE_LIMITS.weight,
    default: 1,
    description: '0: configured but receives no traffic.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(ROUTE_LIMITS.weight)
  weight?: number;

  @ApiPropertyOptional({
    default: 0,
    minimum: -ROUTE_LIMITS.priority,
    maximum: ROUTE_LIMITS.priority,
    description: 'Higher is tried first.',
  })
  @IsOptional()
  @IsInt()
  @Min(-ROUTE_LIMITS.priority)
  @Max(ROUTE_LIMITS.priority)
  priority?: number;

  @ApiPropertyOptional({ type: InstanceAuthDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => InstanceAuthDto)
  auth?: InstanceAuthDto;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Written over the upstream body after conversion; options.model overrides the model.',
  })
  @IsOptional()
  @IsObject()
  options?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Fill only what the client left unset, e.g. {"max_tokens": 8192}.',
  })
  @IsOptional()
  @IsObject()
  defaults?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Converter options for this instance, used only when the client speaks the other protocol (docs/conversion-matrix.md).',
  })
  @IsOptional()
  @IsObject()
  conversion?: Record<string, unknown>;

  @ApiPropertyOptional({ type: InstanceOverrideDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => InstanceOverrideDto)
  override?: InstanceOverrideDto;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
