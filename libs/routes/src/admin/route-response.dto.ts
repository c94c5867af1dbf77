import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RouteBodyDto } from '../validation/dto/route-body.dto';

/** A stored route as returned (auth values redacted to "******"). */
export class RouteResponseDto extends RouteBodyDto {
  @ApiProperty({ description: 'Slug given by the client, or a server-assigned UUID.' })
  declare id: string;

  @ApiProperty({ description: 'Incremented on every change, instance-only changes included.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;

  @ApiPropertyOptional({
    type: [String],
    description:
      'Write responses only: accepted ai-proxy-multi fields that are stored but not implemented yet.',
  })
  warnings?: string[];
}

export class RouteListResponseDto {
  @ApiProperty({ type: [RouteResponseDto] })
  items!: RouteResponseDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  page_size!: number;
}
