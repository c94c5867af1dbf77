import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shapes of /admin/keys (validation itself is key-body.validator.ts, which lists every bad field). */
/** At least one of tokens and usd; both are enforced when both are set. */
export class KeyBudgetDto {
  @ApiPropertyOptional({ minimum: 1, description: 'Input + output tokens per period.' })
  tokens?: number;

  @ApiPropertyOptional({
    minimum: 0,
    exclusiveMinimum: true,
    maximum: 1_000_000_000,
    example: 25,
    description:
      "USD per period: each request's cost (the model catalogue's prices × its usage) is counted. A request " +
      'whose model has no price in the catalogue costs nothing here (a warning is logged once per model and ' +
      '`switchboard_key_budget_unpriced_requests_total` counts them).',
  })
  usd?: number;

  @ApiProperty({ enum: ['day', 'month', 'total'], description: 'day and month are UTC calendar periods.' })
  period!: string;
}

export class KeyBodyDto {
  @ApiProperty({ maxLength: 100, description: 'Unique; shown in logs and stats.' })
  name!: string;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    description: 'Exact names or * globs; null or absent: all.',
  })
  models?: string[] | null;

  @ApiPropertyOptional({ nullable: true, minimum: 1, description: 'Requests per minute.' })
  rpm?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: 1, description: 'Input + output tokens per minute.' })
  tpm?: number | null;

  @ApiPropertyOptional({ type: KeyBudgetDto, nullable: true })
  budget?: KeyBudgetDto | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  expires_at?: string | null;

  @ApiPropertyOptional({ default: true })
  enabled?: boolean;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  metadata?: Record<string, unknown>;
}

export class KeyUsageDto {
  @ApiProperty()
  day!: number;

  @ApiProperty()
  month!: number;

  @ApiProperty()
  total!: number;
}

export class KeyResponseDto extends KeyBodyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'sk-sb-4fQ9zT', description: 'First characters of the key, to tell keys apart.' })
  key_prefix!: string;

  @ApiProperty({ format: 'date-time', nullable: true })
  last_used_at!: string | null;

  @ApiProperty({ type: KeyUsageDto, description: 'Tokens used in the current UTC day, month, and in total.' })
  usage!: KeyUsageDto;

  @ApiProperty({
    type: KeyUsageDto,
    description: 'USD spent (catalogue prices × usage) in the current UTC day, month, and in total.',
  })
  spend_usd!: KeyUsageDto;

  @ApiProperty()
  version!: number;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}

export class KeyWithSecretResponseDto extends KeyResponseDto {
  @ApiProperty({ description: 'The key itself: returned this once, only its hash is stored.' })
  key!: string;
}

export class KeyListResponseDto {
  @ApiProperty({ type: [KeyResponseDto] })
  items!: KeyResponseDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  page_size!: number;
}

export class RotateKeyBodyDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 86400,
    default: 0,
    description: 'How long the old key keeps working.',
  })
  grace_seconds?: number;
}
