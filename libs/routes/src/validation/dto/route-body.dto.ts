import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { BalancerDto } from './balancer.dto';
import { CircuitBreakerDto } from './circuit-breaker.dto';
import { InstanceBodyDto } from './instance-body.dto';
import { ROUTE_LIMITS } from '../route-limits';

export const ROUTE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
export const FALLBACK_TRIGGERS = ['http_429', 'http_5xx'] as const;

/**
 * The body of POST/PUT /admin/routes (and, merged over the stored route, PATCH). Mirrors APISIX ai-proxy-multi
 * plus `name` and `models`. Not-yet-implemented ai-proxy-multi fields are accepted separately (see apisix-extras).
 */
export class RouteBodyDto {
  @ApiPropertyOptional({
    pattern: ROUTE_ID_PATTERN.source,
    description: 'Slug (letters, digits, ".", "_", "-"; max 100). POST without id: a server-assigned UUID.',
    example: 'claude-foundry',
  })
  @IsOptional()
  @IsString()
  @Matches(ROUTE_ID_PATTERN, { message: 'id must be a slug: letters, digits, ".", "_", "-" (max 100)' })
  id?: string;

  @ApiProperty({ maxLength: 100, description: 'Unique among routes.', example: 'claude-foundry' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    description: 'Model names clients send: exact, or a glob where * matches any run of characters.',
    example: ['claude-opus-4-5', 'claude-sonnet-*'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  models!: string[];

  @ApiPropertyOptional({
    type: [String],
    default: [],
    maxItems: ROUTE_LIMITS.advertisedModels,
    description:
      "Exact model names GET /v1/models lists for this route's globs (each must match one of models), e.g. " +
      '["claude-sonnet-4-5"] for "claude-sonnet-*".',
    example: ['claude-sonnet-4-5'],
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(ROUTE_LIMITS.advertisedModels)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  advertise?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiProperty({ type: [InstanceBodyDto], minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => InstanceBodyDto)
  instances!: InstanceBodyDto[];

  @ApiPropertyOptional({ type: BalancerDto, default: { algorithm: 'roundrobin' } })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BalancerDto)
  balancer?: BalancerDto;

  @ApiPropertyOptional({
    oneOf: [
      { type: 'string', enum: [...FALLBACK_TRIGGERS, 'instance_health_and_rate_limiting'] },
      { type: 'array', items: { type: 'string', enum: [...FALLBACK_TRIGGERS] } },
    ],
    default: FALLBACK_TRIGGERS,
    description:
      '"instance_health_and_rate_limiting" (APISIX) is read as ["http_429","http_5xx"] with a warning.',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(FALLBACK_TRIGGERS, { each: true })
  fallback_strategy?: string[];

  @ApiPropertyOptional({
    type: [Number],
    description: 'Extra upstream statuses (400-599) that trigger fallback.',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(400, { each: true })
  @Max(599, { each: true })
  fallback_http_statuses?: number[];

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: ROUTE_LIMITS.maxRetries,
    description: 'Retries after the first attempt. Default null: every instance may be tried once.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(ROUTE_LIMITS.maxRetries)
  max_retries?: number | null;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: ROUTE_LIMITS.timeoutMs,
    default: 30000,
    description: 'Per socket operation, ms.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(ROUTE_LIMITS.timeoutMs)
  timeout?: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: ROUTE_LIMITS.firstByteTimeoutMs,
    description: "Time to the upstream's first byte, ms. Default null: same as timeout.",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(ROUTE_LIMITS.firstByteTimeoutMs)
  first_byte_timeout?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: ROUTE_LIMITS.totalTimeoutMs,
    description: 'One deadline across all attempts, ms. Default null: none.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(ROUTE_LIMITS.totalTimeoutMs)
  total_timeout?: number | null;

  @ApiPropertyOptional({ type: CircuitBreakerDto, default: { failure_threshold: 3, cooldown: 30000 } })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CircuitBreakerDto)
  circuit_breaker?: CircuitBreakerDto;
}
