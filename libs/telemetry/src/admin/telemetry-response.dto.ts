import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shapes of the observability endpoints (the services build plain objects of these shapes). */

export class TokenCountsDto {
  @ApiProperty() input!: number;
  @ApiProperty() output!: number;
  @ApiProperty() cache_read!: number;
  @ApiProperty() cache_creation!: number;
  @ApiProperty() reasoning!: number;
}

export class RecordErrorDto {
  @ApiProperty({ example: 'UPSTREAM_ERROR' }) code!: string;
  @ApiProperty({ description: "The upstream's own message when there is one, truncated to 2 KB." })
  message!: string;
}

export class AttemptDto {
  @ApiProperty() instance!: string;
  @ApiProperty({ example: 'openai' }) provider!: string;
  @ApiProperty({ example: 'openai-chat' }) upstream_protocol!: string;
  @ApiProperty({ example: 'http_5xx' }) outcome!: string;
  @ApiProperty({ type: Number, nullable: true }) status!: number | null;
  @ApiProperty() duration_ms!: number;
  @ApiProperty({ type: Number, nullable: true }) ttfb_ms!: number | null;
  @ApiProperty({ type: String, nullable: true }) error_code!: string | null;
  @ApiPropertyOptional({
    example: 'capability:images',
    description: 'Why the instance was passed over without a call (outcome `skipped`).',
  })
  skipped?: string;
}

export class RequestKeyDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class RequestDto {
  @ApiProperty() request_id!: string;
  @ApiProperty({ format: 'date-time' }) started_at!: string;
  @ApiProperty() duration_ms!: number;
  @ApiProperty({ type: Number, nullable: true }) ttfb_ms!: number | null;
  @ApiProperty({ enum: ['openai-chat', 'anthropic-messages'] }) client_protocol!: string;
  @ApiProperty({ example: 'chat_completions' }) endpoint!: string;
  @ApiProperty() stream!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The model the client asked for.' })
  model!: string | null;
  @ApiProperty({ type: String, nullable: true }) route_id!: string | null;
  @ApiProperty({ type: String, nullable: true }) route!: string | null;
  @ApiProperty({ type: String, nullable: true }) instance!: string | null;
  @ApiProperty({ type: String, nullable: true }) upstream_model!: string | null;
  @ApiProperty() status!: number;
  @ApiProperty({ type: RecordErrorDto, nullable: true }) error!: RecordErrorDto | null;
  @ApiProperty({ type: TokenCountsDto, nullable: true }) usage!: TokenCountsDto | null;
  @ApiProperty({ type: RequestKeyDto, nullable: true }) key!: RequestKeyDto | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      "USD from the model catalogue's prices, unrounded; null when the model or its prices are unknown.",
  })
  cost_usd!: number | null;
  @ApiProperty({
    type: [String],
    description:
      'Tools the conversion removed because the upstream cannot run them (Responses built-ins such as web_search; the x-switchboard-dropped-tools header).',
  })
  dropped_tools!: string[];
  @ApiProperty() attempt_count!: number;
  @ApiPropertyOptional({ type: [AttemptDto], description: 'GET /admin/requests/{request_id} only.' })
  attempts?: AttemptDto[];
}

export class RequestListDto {
  @ApiProperty({ type: [RequestDto] }) items!: RequestDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() page_size!: number;
}

export class PercentilesDto {
  @ApiProperty({ type: Number, nullable: true }) p50!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p95!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p99!: number | null;
}

export class ErrorCountsDto {
  @ApiProperty({ name: '4xx', description: '429 included.' }) '4xx'!: number;
  @ApiProperty({ name: '5xx' }) '5xx'!: number;
  @ApiProperty({ name: '429' }) '429'!: number;
}

export class StatsGroupDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', nullable: true },
    description: '{} for none; {route}; {route, instance}; {model}; {key_id, key_name}.',
  })
  group!: Record<string, string | null>;
  @ApiProperty() requests!: number;
  @ApiProperty({ type: ErrorCountsDto }) errors!: ErrorCountsDto;
  @ApiProperty({ description: 'Attempts after the first of each request.' }) fallbacks!: number;
  @ApiProperty({ type: PercentilesDto, description: 'From the histogram buckets.' })
  latency_ms!: PercentilesDto;
  @ApiProperty({ type: PercentilesDto }) ttfb_ms!: PercentilesDto;
  @ApiProperty({ type: TokenCountsDto }) tokens!: TokenCountsDto;
  @ApiProperty({ description: 'USD of the priced requests (unpriced ones add nothing), unrounded.' })
  cost!: number;
}

export class StatsDto {
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty({ format: 'date-time' }) until!: string;
  @ApiProperty({ enum: ['none', 'route', 'instance', 'model', 'key'] }) group_by!: string;
  @ApiProperty({ type: [StatsGroupDto] }) groups!: StatsGroupDto[];
}

export class TimeseriesBucketDto {
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ type: [StatsGroupDto] }) groups!: StatsGroupDto[];
}

export class TimeseriesDto {
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty({ format: 'date-time' }) until!: string;
  @ApiProperty({ enum: ['1m', '5m', '1h'] }) step!: string;
  @ApiProperty({ enum: ['none', 'route', 'instance', 'model', 'key'] }) group_by!: string;
  @ApiProperty({
    type: [TimeseriesBucketDto],
    description: 'Every step from since to until, empty ones included.',
  })
  buckets!: TimeseriesBucketDto[];
}

export class ReplicaDto {
  @ApiProperty() id!: string;
  @ApiProperty() host!: string;
  @ApiProperty() pid!: number;
  @ApiProperty() version!: string;
  @ApiProperty({ format: 'date-time' }) started_at!: string;
  @ApiProperty({ format: 'date-time' }) last_seen!: string;
  @ApiProperty() route_table_revision!: number;
  @ApiProperty() requests_served!: number;
  @ApiProperty({ description: 'No heartbeat for three intervals.' }) stale!: boolean;
}

export class ReplicaListDto {
  @ApiProperty({ type: [ReplicaDto] }) items!: ReplicaDto[];
}
