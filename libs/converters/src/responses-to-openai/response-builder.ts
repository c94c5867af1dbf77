import {
  asFiniteNumber,
  EMPTY_TOKEN_USAGE,
  isJsonObject,
  tokenUsageFromResponsesUsage,
} from '@switchboard/protocols';
import type {
  ResponsesIncompleteReason,
  ResponsesOutputItem,
  ResponsesResponse,
  ResponsesStatus,
  ResponsesUsage,
} from '@switchboard/protocols';
import type { TokenUsage } from '../converter.interface';
import type { ResponsesClientMemo } from './conversion-memo';

/** Assembles `Response` objects and maps usage / finish reasons (responses-spec §3, §7.3, §10). */

export interface ResponseState {
  status: ResponsesStatus;
  model: string;
  output: ResponsesOutputItem[];
  usage: ResponsesUsage | null;
  completedAt: number | null;
  incomplete?: ResponsesIncompleteReason;
  error?: { code: string; message: string };
}

export function buildResponse(memo: ResponsesClientMemo, state: ResponseState): ResponsesResponse {
  const { user, ...echo } = memo.echo;
  const response: ResponsesResponse = {
    id: memo.responseId,
    object: 'response',
    created_at: memo.createdAt,
    status: state.status,
    completed_at: state.completedAt,
    error: state.error ?? null,
    incomplete_details: state.incomplete ? { reason: state.incomplete } : null,
    model: state.model || memo.model,
    output: state.output,
    ...echo,
  };
  // Both are optional in the schema but typed non-null: absent rather than null.
  if (state.usage) response.usage = state.usage;
  if (user !== null) response.user = user;
  return response;
}

const count = (value: unknown): number => {
  const n = asFiniteNumber(value);
  return n !== undefined && n > 0 ? n : 0;
};

/** Chat usage → Responses usage; `input_tokens` already counts cache reads and writes (as `prompt_tokens` does). */
export function responsesUsageFromChat(usage: unknown): ResponsesUsage | null {
  if (!isJsonObject(usage)) return null;
  const prompt = isJsonObject(usage.prompt_tokens_details) ? usage.prompt_tokens_details : {};
  const completion = isJsonObject(usage.completion_tokens_details) ? usage.completion_tokens_details : {};
  const input = count(usage.prompt_tokens);
  const output = count(usage.completion_tokens);
  return {
    input_tokens: input,
    input_tokens_details: {
      cached_tokens: count(prompt.cached_tokens),
      cache_write_tokens: count(prompt.cache_write_tokens),
    },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: count(completion.reasoning_tokens) },
    total_tokens: input + output,
  };
}

export function emptyUsage(): ResponsesUsage {
  return responsesUsageFromChat({}) as ResponsesUsage;
}

/** Responses usage → the neutral record: uncached input = input − cache reads − cache writes. */
export function tokenUsageFromResponses(usage: ResponsesUsage): TokenUsage {
  return tokenUsageFromResponsesUsage(usage) ?? { ...EMPTY_TOKEN_USAGE };
}

/** Chat `finish_reason` → terminal status (responses-spec §7.3). */
export function statusForFinishReason(reason: unknown): {
  status: 'completed' | 'incomplete';
  incomplete?: ResponsesIncompleteReason;
} {
  if (reason === 'length') return { status: 'incomplete', incomplete: 'max_output_tokens' };
  if (reason === 'content_filter') return { status: 'incomplete', incomplete: 'content_filter' };
  return { status: 'completed' };
}
