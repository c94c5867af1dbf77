import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MinLength } from 'class-validator';

export const BALANCER_ALGORITHMS = ['roundrobin', 'chash'] as const;

export class BalancerDto {
  @ApiPropertyOptional({ enum: BALANCER_ALGORITHMS, default: 'roundrobin' })
  @IsOptional()
  @IsIn(BALANCER_ALGORITHMS)
  algorithm?: (typeof BALANCER_ALGORITHMS)[number];

  @ApiPropertyOptional({ enum: ['header'], description: 'Required with chash; only "header" is supported.' })
  @IsOptional()
  @IsString()
  hash_on?: string;

  @ApiPropertyOptional({ description: 'Header name hashed by chash. Required with chash.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  key?: string;
}
