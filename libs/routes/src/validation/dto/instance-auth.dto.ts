import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';

/** Credentials sent upstream. Values are secrets: the admin API returns them as "******". */
export class InstanceAuthDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Headers sent upstream, e.g. {"x-api-key": "…"}. Names match ^[a-zA-Z0-9._-]+$.',
    example: { 'x-api-key': 'secret' },
  })
  @IsOptional()
  @IsObject()
  header?: Record<string, string>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Query parameters added to the upstream URL.',
  })
  @IsOptional()
  @IsObject()
  query?: Record<string, string>;
}
