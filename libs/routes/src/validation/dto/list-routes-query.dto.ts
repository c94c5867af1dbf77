import { ApiPropertyOptional } from '@nestjs/swagger';

/** Query of GET /admin/routes (validated by the service: strings come in, integers are checked there). */
export class ListRoutesQueryDto {
  @ApiPropertyOptional({ type: Number, minimum: 1, default: 1 })
  page?: string;

  @ApiPropertyOptional({
    type: Number,
    minimum: 1,
    maximum: 100,
    default: 20,
    description: 'Over 100 is a 400.',
  })
  page_size?: string;

  @ApiPropertyOptional({ description: 'Keep routes whose models match this name, exact or glob.' })
  model?: string;
}
