import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CAPABILITIES } from '../model-facts';

class FactSourceDto {
  @ApiProperty({ example: 'https://docs.claude.com/en/docs/about-claude/models/overview' })
  url!: string;

  @ApiProperty({ example: '2025-11', description: 'When the page said so.' })
  as_of!: string;

  @ApiPropertyOptional()
  note?: string;
}

class ModelPricesDto {
  @ApiProperty({ description: 'USD per million input tokens (uncached).' })
  input!: number;

  @ApiProperty({ description: 'USD per million output tokens.' })
  output!: number;

  @ApiPropertyOptional({ description: 'USD per million cache-read tokens (default: input).' })
  cache_read?: number;

  @ApiPropertyOptional({ description: 'USD per million cache-write tokens, 5-minute TTL (default: input).' })
  cache_write?: number;

  @ApiPropertyOptional({
    description: 'USD per million cache-write tokens, 1-hour TTL (default: cache_write).',
  })
  cache_write_1h?: number;
}

class ModelConversionDto {
  @ApiPropertyOptional({
    enum: ['tool', 'output_config'],
    description: 'JSON mode toward Anthropic; `output_config` for models that refuse forced tool use.',
  })
  json_mode?: string;

  @ApiPropertyOptional({
    enum: ['budget', 'adaptive'],
    description: 'Thinking toward Anthropic; `adaptive` for models that refuse manual thinking.',
  })
  thinking_mode?: string;

  @ApiPropertyOptional({ description: 'Drop temperature, top_p and top_k (models that refuse them).' })
  omit_sampling_params?: boolean;
}

class ModelSourcesDto {
  @ApiPropertyOptional({ type: FactSourceDto })
  limits?: FactSourceDto;

  @ApiPropertyOptional({ type: FactSourceDto })
  capabilities?: FactSourceDto;

  @ApiPropertyOptional({ type: FactSourceDto })
  prices?: FactSourceDto;
}

/** PUT /admin/models/:id body; also the shape of an instance's `model_info` (without `id`, every field optional). */
export class ModelEntryBodyDto {
  @ApiPropertyOptional({ description: 'Model id or `*` pattern; must equal the path id when given.' })
  id?: string;

  @ApiProperty({ enum: ['openai', 'anthropic', 'deepseek', 'google', 'meta', 'mistral', 'qwen', 'other'] })
  family!: string;

  @ApiPropertyOptional({ type: [String], example: ['anthropic', 'azure-ai-foundry'] })
  offered_by?: string[];

  @ApiPropertyOptional({ description: 'Tokens.' })
  context_window?: number;

  @ApiPropertyOptional({
    description: 'Maximum output tokens; the max_tokens default toward Anthropic upstreams.',
  })
  max_output?: number;

  @ApiPropertyOptional({ description: 'Larger output limit with extended thinking, where it differs.' })
  max_output_thinking?: number;

  @ApiPropertyOptional({
    description: `Booleans by capability: ${CAPABILITIES.join(', ')}. Only false blocks routing.`,
    example: { tools: true, images: false },
  })
  capabilities?: Record<string, boolean>;

  @ApiPropertyOptional({ type: ModelPricesDto })
  prices?: ModelPricesDto;

  @ApiPropertyOptional({
    type: ModelConversionDto,
    description:
      "Conversion defaults for this model (keys of an instance's `conversion`); the instance's own value wins.",
  })
  conversion?: ModelConversionDto;

  @ApiPropertyOptional({ type: ModelSourcesDto })
  sources?: ModelSourcesDto;

  @ApiPropertyOptional()
  note?: string;
}

export class ModelEntryResponseDto extends ModelEntryBodyDto {
  @ApiProperty()
  declare id: string;

  @ApiProperty({ enum: ['shipped', 'override'] })
  origin!: string;

  @ApiPropertyOptional({ description: 'Overrides only: 1 on create, +1 per write.' })
  version?: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'Overrides only.' })
  created_at?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Overrides only.' })
  updated_at?: string;
}

export class ModelListResponseDto {
  @ApiProperty({ type: [ModelEntryResponseDto] })
  items!: ModelEntryResponseDto[];

  @ApiProperty()
  total!: number;
}
