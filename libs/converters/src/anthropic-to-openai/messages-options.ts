import type { OpenAiAssistantMessage, OpenAiMessage } from '@switchboard/protocols';
import type { ToolNameMap } from '../shared/tool-names';

/** Assistant message with the de-facto `reasoning_content` / `thinking_blocks` extensions. */
export type AssistantMessageOut = OpenAiAssistantMessage;
export type MessageOut = OpenAiMessage;

export interface MessagesOptions {
  /** Put assistant `thinking` text back as `reasoning_content` (upstreams that round-trip reasoning). */
  sendReasoningContent: boolean;
  /** Also send signed thinking / redacted thinking as `thinking_blocks` (litellm/Switchboard extension). */
  sendThinkingBlocks: boolean;
  toolNames: ToolNameMap;
}
