import {
  openAiUsageFromTokenUsage,
  type OpenAiChatResponse,
  type OpenAiFinishReason,
  type OpenAiResponseMessage,
  type TokenUsage,
} from '@switchboard/protocols';
import type { ConversionClock, ResponseHooks } from '../converter.interface';

/** What a converted upstream answer says toward an OpenAI Chat client. */
export interface ChatAnswer {
  readonly message: OpenAiResponseMessage;
  readonly finishReason: OpenAiFinishReason;
  readonly usage: TokenUsage;
  /** The model the upstream named; an absent one (`undefined`) falls back to the requested model. */
  readonly upstreamModel: string | undefined;
}

/** The `chat.completion` for a non-streamed answer; the upstream's model and usage go to the hooks first. */
export function chatCompletionOut(
  answer: ChatAnswer,
  requestedModel: string,
  clock: ConversionClock,
  hooks?: ResponseHooks,
): Record<string, unknown> {
  const { message, finishReason, usage, upstreamModel } = answer;
  if (upstreamModel) hooks?.onModel?.(upstreamModel);
  hooks?.onUsage?.(usage);
  const response: OpenAiChatResponse = {
    id: `chatcmpl-${clock.newId()}`,
    object: 'chat.completion',
    created: Math.floor(clock.now() / 1000),
    model: upstreamModel ?? requestedModel,
    choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
    usage: openAiUsageFromTokenUsage(usage),
  };
  return response as unknown as Record<string, unknown>;
}
