import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ROUTE_LIMITS } from '../route-limits';

export class CircuitBreakerDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: ROUTE_LIMITS.failureThreshold,
    default: 3,
    description: 'Consecutive trigger failures that open it.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(ROUTE_LIMITS.failureThreshold)
  failure_threshold?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: ROUTE_LIMITS.cooldownMs,
    default: 30000,
    description: 'Milliseconds open before a half-open probe.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(ROUTE_LIMITS.cooldownMs)
  cooldown?: number;
}
