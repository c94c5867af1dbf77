import type { OpenAiFinishReason } from '@switchboard/protocols';

/** Anthropic stop_reason → OpenAI finish_reason (conversion-spec §3.2); unknown or null → stop. */
export function finishReasonFor(stopReason: unknown): OpenAiFinishReason {
  switch (stopReason) {
    case 'max_tokens':
    case 'model_context_window_exceeded':
    case 'compaction':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      return 'stop';
  }
}
