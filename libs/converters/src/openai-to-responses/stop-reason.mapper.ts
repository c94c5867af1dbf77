import { isJsonObject, type OpenAiFinishReason } from '@switchboard/protocols';

/**
 * Responses `status` (+ `incomplete_details.reason`) → Chat `finish_reason` (responses-spec §10):
 * incomplete for max_output_tokens → length, for content_filter → content_filter; completed → tool_calls when the
 * answer holds function calls, else stop.
 */
export function finishReasonFor(
  status: unknown,
  incompleteDetails: unknown,
  hasToolCalls: boolean,
): OpenAiFinishReason {
  if (status === 'incomplete') {
    const reason = isJsonObject(incompleteDetails) ? incompleteDetails.reason : undefined;
    return reason === 'content_filter' ? 'content_filter' : 'length';
  }
  return hasToolCalls ? 'tool_calls' : 'stop';
}
