import type { ConversionClock, ConvertedRequest, UpstreamTarget } from '../converter.interface';
import { openAiToAnthropicConverter } from '../openai-to-anthropic';
import { mapRequest as mapResponsesToChatRequest } from '../responses-to-openai/request.mapper';
import { combineMemo } from './conversion-memo';

/**
 * Responses request → Anthropic Messages request, in two tested steps: Responses → Chat (namespaces flattened,
 * built-ins dropped, signed thinking restored from reasoning items as `thinking_blocks`), then the Chat →
 * Anthropic mapping with all its rules (max_tokens defaults, role alternation, thinking budgets, JSON mode).
 */
export function mapRequest(
  body: Record<string, unknown>,
  target: UpstreamTarget,
  clock: ConversionClock,
): ConvertedRequest {
  const chat = mapResponsesToChatRequest(body, target, clock, { keepThinking: true });
  const anthropic = openAiToAnthropicConverter.convertRequest(chat.body, target, clock);
  return { body: anthropic.body, memo: combineMemo(chat.memo, anthropic.memo) };
}
