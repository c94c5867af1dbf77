import type { OpenAiToolCall } from '@switchboard/protocols';
import { readToolUse, skipServerBlock } from '../shared/anthropic-turns';
import { isBlank } from './content.mapper';
import type { AssistantMessageOut, MessageOut, MessagesOptions } from './messages-options';
import type { Turn } from './message-turns';
import { invalidRequest } from './request-error';

/** An assistant turn → one assistant message; its tool_use ids are added to `openCalls`. */
export function assistantTurn(
  turn: Turn,
  options: MessagesOptions,
  openCalls: Set<string>,
  out: MessageOut[],
): void {
  const texts: string[] = [];
  const reasoning: string[] = [];
  const signed: NonNullable<AssistantMessageOut['thinking_blocks']> = [];
  const calls: OpenAiToolCall[] = [];
  for (const { block, path } of turn.blocks) {
    switch (block.type) {
      case 'text':
        if (typeof block.text !== 'string') throw invalidRequest(`${path}.text`, 'must be a string');
        if (!isBlank(block.text)) texts.push(block.text);
        break;
      case 'tool_use': {
        const call = readToolUse(block, path, openCalls);
        calls.push({
          id: call.id,
          type: 'function',
          function: { name: options.toolNames.upstreamName(call.name), arguments: call.arguments },
        });
        break;
      }
      case 'thinking':
        if (typeof block.thinking === 'string' && !isBlank(block.thinking)) reasoning.push(block.thinking);
        if (typeof block.thinking === 'string' && typeof block.signature === 'string' && block.signature) {
          signed.push({ type: 'thinking', thinking: block.thinking, signature: block.signature });
        }
        break;
      case 'redacted_thinking':
        if (typeof block.data === 'string' && block.data)
          signed.push({ type: 'redacted_thinking', data: block.data });
        break;
      default:
        skipServerBlock(block, path, 'an assistant message');
    }
  }
  // An assistant turn with nothing but (redacted) thinking or server blocks carries nothing upstream.
  if (texts.length === 0 && calls.length === 0) return;
  const message: AssistantMessageOut = {
    role: 'assistant',
    content: texts.length > 0 ? texts.join('\n') : null,
  };
  if (calls.length > 0) message.tool_calls = calls;
  if (options.sendReasoningContent && reasoning.length > 0) message.reasoning_content = reasoning.join('\n');
  if (options.sendThinkingBlocks && signed.length > 0) message.thinking_blocks = signed;
  out.push(message);
}
