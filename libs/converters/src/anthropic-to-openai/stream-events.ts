import type {
  InputJSONDelta,
  MessageDeltaUsage,
  RawContentBlockStopEvent,
  RawMessageDeltaEvent,
  RawMessageStopEvent,
  SignatureDelta,
  TextDelta,
  ThinkingDelta,
} from '@anthropic-ai/sdk/resources/messages';
import type { ContentBlockOut, MessageOut } from './response.mapper';

/** Anthropic stream events this converter writes, checked against the official SDK event types. */
export interface MessageStartOut {
  type: 'message_start';
  message: MessageOut;
}
export interface ContentBlockStartOut {
  type: 'content_block_start';
  index: number;
  content_block: ContentBlockOut;
}
export interface ContentBlockDeltaOut {
  type: 'content_block_delta';
  index: number;
  delta: TextDelta | ThinkingDelta | SignatureDelta | InputJSONDelta;
}
export type ContentBlockStopOut = RawContentBlockStopEvent;
export interface MessageDeltaOut {
  type: 'message_delta';
  delta: Pick<RawMessageDeltaEvent.Delta, 'stop_reason' | 'stop_sequence'>;
  usage: Pick<
    MessageDeltaUsage,
    'input_tokens' | 'output_tokens' | 'cache_creation_input_tokens' | 'cache_read_input_tokens'
  >;
}
export type MessageStopOut = RawMessageStopEvent;
export interface StreamErrorOut {
  type: 'error';
  error: { type: string; message: string };
}

export type AnthropicEventOut =
  | MessageStartOut
  | ContentBlockStartOut
  | ContentBlockDeltaOut
  | ContentBlockStopOut
  | MessageDeltaOut
  | MessageStopOut
  | StreamErrorOut;
