import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

export class InstanceOverrideDto {
  @ApiPropertyOptional({
    description:
      'http(s) URL. scheme+host[:port] alone: the provider default path is appended; a path ending in the ' +
      'operation (/chat/completions, /messages): used as is; any other path: a base URL as the official SDK takes it. ' +
      'Required for azure-openai, openai-compatible and anthropic-compatible.',
    example: 'https://res.services.ai.azure.com/anthropic/v1/messages',
  })
  @IsOptional()
  @IsString()
  endpoint?: string;
}
