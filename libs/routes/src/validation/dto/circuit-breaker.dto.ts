import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';

export class CircuitBreakerDto {
  @ApiPropertyOptional({ minimum: 1, default: 3, description: 'Consecutive trigger failures that open it.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  failure_threshold?: number;

  @ApiPropertyOptional({
    minimum: 1,
    default: 30000,
    description: 'Milliseconds open before a half-open probe.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  cooldown?: number;
}
