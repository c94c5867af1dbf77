import {
  isJsonObject,
  type AnthropicMessageParam,
  type AnthropicTextBlock,
  type AnthropicToolResultBlock,
  type AnthropicToolUseBlock,
} from '@switchboard/protocols';
import type { ConversionClock } from '../converter.interface';
import { toolInputFromArguments } from '../shared/tool-arguments';
import type { ToolNameMap } from '../shared/tool-names';
import { textBlock, textsOf, userPartToBlock } from './content.mapper';
import { invalidRequest } from '../shared/request-error';
import { thinkingBlocksOf } from './thinking-blocks';
import { IdMap } from './tool-use-ids';
import { repairTurns, type Turn } from './turn-repair';

/**
 * OpenAI `messages` → Anthropic `system` + alternating `messages` (conversion-spec §2.4):
 * 1. system/developer messages anywhere → top-level system text blocks, in order;
 * 2. each other message → blocks; tool messages → tool_result blocks in a user turn;
 * 3. consecutive same-role turns merged, a user turn's tool_results placed before its other content;
 * 4. repairs so the result is always valid: every tool_use answered in the next user turn, orphan results turned
 *    into text, empty turns dropped, the conversation starts with a user turn, a final assistant prefill does not
 *    end in whitespace and no assistant turn ends with a thinking block.
 */

export interface MappedMessages {
  system: AnthropicTextBlock[];
  messages: AnthropicMessageParam[];
  /** Names of tools used in the history (tool definitions are required when history has tool blocks). */
  historyToolNames: string[];
  hasThinkingBlocks: boolean;
}

export function mapMessages(
  rawMessages: unknown,
  names: ToolNameMap,
  clock: ConversionClock,
): MappedMessages {
  if (!Array.isArray(rawMessages) || rawMessages.length === 0) {
    throw invalidRequest('messages', 'messages must be a non-empty array.');
  }
  const system: AnthropicTextBlock[] = [];
  const turns: Turn[] = [];
  const ids = new IdMap(clock);
  const historyToolNames = new Set<string>();
  /** Legacy `function` role messages answer the last synthesized id of their function name. */
  const legacyCallIds = new Map<string, string>();
  let hasThinkingBlocks = false;

  const turnFor = (role: 'user' | 'assistant'): Turn => {
    const last = turns[turns.length - 1];
    if (last && last.role === role) return last;
    const turn: Turn = { role, results: [], blocks: [] };
    turns.push(turn);
    return turn;
  };

  rawMessages.forEach((message, i) => {
    const path = `messages[${i}]`;
    if (!isJsonObject(message)) throw invalidRequest(path, 'Each message must be an object.');
    switch (message.role) {
      case 'system':
      case 'developer':
        for (const { text, part } of textsOf(message.content, `${path}.content`)) {
          const block = textBlock(text, part);
          if (block) system.push(block);
        }
        return;
      case 'user': {
        const turn = turnFor('user');
        const content = message.content;
        if (typeof content === 'string') {
          const block = textBlock(content);
          if (block) turn.blocks.push(block);
        } else if (Array.isArray(content)) {
          content.forEach((part, k) => {
            const block = userPartToBlock(part, `${path}.content[${k}]`);
            if (block) turn.blocks.push(block);
          });
        } else if (content !== null && content !== undefined) {
          throw invalidRequest(`${path}.content`, 'content must be a string or an array of parts.');
        }
        return;
      }
      case 'assistant': {
        const turn = turnFor('assistant');
        const thinking = thinkingBlocksOf(message);
        if (thinking.length > 0) {
          hasThinkingBlocks = true;
          // Thinking must lead the assistant turn.
          turn.blocks.unshift(...thinking);
        }
        for (const { text } of textsOf(message.content, `${path}.content`)) {
          const block = textBlock(text);
          if (block) turn.blocks.push(block);
        }
        if (typeof message.refusal === 'string') {
          const block = textBlock(message.refusal);
          if (block) turn.blocks.push(block);
        }
        const calls = message.tool_calls;
        if (calls !== undefined && calls !== null && !Array.isArray(calls)) {
          throw invalidRequest(`${path}.tool_calls`, 'tool_calls must be an array.');
        }
        (Array.isArray(calls) ? calls : []).forEach((call, k) => {
          const callPath = `${path}.tool_calls[${k}]`;
          if (!isJsonObject(call) || !isJsonObject(call.function) || typeof call.function.name !== 'string') {
            throw invalidRequest(callPath, 'Each tool call needs function.name.');
          }
          const name = names.upstreamName(call.function.name);
          historyToolNames.add(name);
          const block: AnthropicToolUseBlock = {
            type: 'tool_use',
            id: ids.upstreamId(call.id),
            name,
            input: toolInputFromArguments(call.function.arguments),
          };
          turn.blocks.push(block);
        });
        const legacy = message.function_call;
        if (isJsonObject(legacy) && typeof legacy.name === 'string') {
          const name = names.upstreamName(legacy.name);
          historyToolNames.add(name);
          const id = ids.upstreamId(undefined);
          legacyCallIds.set(legacy.name, id);
          turn.blocks.push({ type: 'tool_use', id, name, input: toolInputFromArguments(legacy.arguments) });
        }
        return;
      }
      case 'tool':
      case 'function': {
        const turn = turnFor('user');
        let toolUseId: string;
        if (message.role === 'tool') {
          if (typeof message.tool_call_id !== 'string') {
            throw invalidRequest(`${path}.tool_call_id`, 'tool messages need tool_call_id.');
          }
          toolUseId = ids.upstreamId(message.tool_call_id);
        } else {
          const known = typeof message.name === 'string' ? legacyCallIds.get(message.name) : undefined;
          toolUseId = known ?? ids.upstreamId(undefined);
        }
        const texts = textsOf(message.content, `${path}.content`)
          .map(({ text, part }) => textBlock(text, part))
          .filter((b): b is AnthropicTextBlock => b !== undefined);
        const result: AnthropicToolResultBlock = { type: 'tool_result', tool_use_id: toolUseId };
        if (typeof message.content === 'string') {
          if (texts.length > 0) result.content = message.content;
        } else if (texts.length > 0) {
          result.content = texts;
        }
        turn.results.push(result);
        return;
      }
      default:
        throw invalidRequest(`${path}.role`, `Unsupported role ${JSON.stringify(message.role)}.`);
    }
  });

  const messages = repairTurns(turns);
  if (messages.length === 0) {
    throw invalidRequest(
      'messages',
      'messages must contain at least one user or assistant message with content.',
    );
  }
  return { system, messages, historyToolNames: [...historyToolNames], hasThinkingBlocks };
}
