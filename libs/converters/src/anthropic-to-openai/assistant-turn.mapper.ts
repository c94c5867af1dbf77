import { isJsonObject, type OpenAiToolCall } from '@switchboard/protocols';
import { isBlank, SERVER_BLOCK_TYPES } from './content.mapper';
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
        const { id, name, input } = block;
        if (typeof id !== 'string' || id.length === 0) {
          throw invalidRequest(`${path}.id`, 'must be a non-empty string');
        }
        if (typeof name !== 'string' || name.length === 0) {
          throw invalidRequest(`${path}.name`, 'must be a non-empty string');
        }
        if (input !== undefined && input !== null && !isJsonObject(input)) {
          throw invalidRequest(`${path}.input`, 'must be an object');
        }
        openCalls.add(id);
        calls.push({
          id,
          type: 'function',
          function: { name: options.toolNames.upstreamName(name), arguments: JSON.stringify(input ?? {}) },
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
        if (SERVER_BLOCK_TYPES.has(block.type as string)) break;
        throw invalidRequest(
          `${path}.type`,
          `content block type ${JSON.stringify(block.type)} is not allowed in an assistant message toward an OpenAI upstream`,
        );
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
