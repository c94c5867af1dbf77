import {
  isJsonObject,
  type AnthropicContentBlock,
  type AnthropicMessageParam,
  type AnthropicTextBlock,
  type AnthropicToolResultBlock,
  type AnthropicToolUseBlock,
} from '@switchboard/protocols';
import type { ConversionClock } from '../converter.interface';
import { toolInputFromArguments } from '../shared/tool-arguments';
import type { ToolNameMap } from '../shared/tool-names';
import { hasText, textBlock, textsOf, userPartToBlock } from './content.mapper';
import { invalidRequest } from './request-error';

/**
 * OpenAI `messages` → Anthropic `system` + alternating `messages` (conversion-spec §2.4):
 * 1. system/developer messages anywhere → top-level system text blocks, in order;
 * 2. each other message → blocks; tool messages → tool_result blocks in a user turn;
 * 3. consecutive same-role turns merged, a user turn's tool_results placed before its other content;
 * 4. repairs so the result is always valid: every tool_use answered in the next user turn, orphan results turned
 *    into text, empty turns dropped, the conversation starts with a user turn, a final assistant prefill does not
 *    end in whitespace and no assistant turn ends with a thinking block.
 */

interface Turn {
  role: 'user' | 'assistant';
  /** tool_result blocks (user turns only), always placed first. */
  results: AnthropicToolResultBlock[];
  blocks: AnthropicContentBlock[];
}

export interface MappedMessages {
  system: AnthropicTextBlock[];
  messages: AnthropicMessageParam[];
  /** Names of tools used in the history (tool definitions are required when history has tool blocks). */
  historyToolNames: string[];
  hasThinkingBlocks: boolean;
}

const TOOL_ID_INVALID = /[^a-zA-Z0-9_-]/g;

class IdMap {
  private readonly ids = new Map<string, string>();
  constructor(private readonly clock: ConversionClock) {}
  /** Anthropic needs `^[a-zA-Z0-9_-]+$`; the same client id always maps to the same upstream id. */
  upstreamId(clientId: unknown): string {
    const key = typeof clientId === 'string' ? clientId : '';
    let id = this.ids.get(key);
    if (id === undefined) {
      id =
        key.length > 0
          ? key.replace(TOOL_ID_INVALID, '_')
          : `toolu_${this.clock.newId().replace(TOOL_ID_INVALID, '_')}`;
      if (key.length > 0) this.ids.set(key, id);
    }
    return id;
  }
}

function thinkingBlocksOf(message: Record<string, unknown>): AnthropicContentBlock[] {
  const out: AnthropicContentBlock[] = [];
  if (Array.isArray(message.thinking_blocks)) {
    for (const block of message.thinking_blocks) {
      if (!isJsonObject(block)) continue;
      if (
        block.type === 'thinking' &&
        typeof block.thinking === 'string' &&
        typeof block.signature === 'string' &&
        block.signature
      ) {
        out.push({ type: 'thinking', thinking: block.thinking, signature: block.signature });
      } else if (block.type === 'redacted_thinking' && typeof block.data === 'string' && block.data) {
        out.push({ type: 'redacted_thinking', data: block.data });
      }
    }
  } else if (
    typeof message.reasoning_content === 'string' &&
    typeof message.reasoning_signature === 'string' &&
    message.reasoning_signature.length > 0
  ) {
    out.push({
      type: 'thinking',
      thinking: message.reasoning_content,
      signature: message.reasoning_signature,
    });
  }
  return out;
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

function resultText(result: AnthropicToolResultBlock): string {
  const content = result.content;
  if (typeof content === 'string') return content;
  if (!content) return '';
  return content.map((block) => (block.type === 'text' ? block.text : '')).join('\n');
}

function repairTurns(turns: Turn[]): AnthropicMessageParam[] {
  // Drop empty turns, then merge neighbours that now share a role.
  const merged: Turn[] = [];
  for (const turn of turns) {
    if (turn.results.length === 0 && turn.blocks.length === 0) continue;
    // An assistant turn holding only thinking cannot stand (its final block would be thinking).
    if (
      turn.role === 'assistant' &&
      turn.blocks.every((b) => b.type === 'thinking' || b.type === 'redacted_thinking')
    ) {
      continue;
    }
    const last = merged[merged.length - 1];
    if (last && last.role === turn.role) {
      last.results.push(...turn.results);
      last.blocks.push(...turn.blocks);
    } else {
      merged.push({ role: turn.role, results: [...turn.results], blocks: [...turn.blocks] });
    }
  }

  // Pair tool_use with tool_result: each assistant turn's calls must be answered by the next user turn.
  let pending: string[] = [];
  for (let i = 0; i < merged.length; i++) {
    const turn = merged[i]!;
    if (turn.role === 'assistant') {
      const seen = new Set<string>();
      for (const block of turn.blocks) {
        if (block.type !== 'tool_use') continue;
        if (seen.has(block.id)) block.id = `${block.id}_${seen.size}`;
        seen.add(block.id);
      }
      pending = [...seen];
      const next = merged[i + 1];
      if (pending.length > 0 && (!next || next.role !== 'user')) {
        merged.splice(i + 1, 0, { role: 'user', results: [], blocks: [] });
      }
      continue;
    }
    const answered = new Set<string>();
    const kept: AnthropicToolResultBlock[] = [];
    const orphanTexts: AnthropicTextBlock[] = [];
    for (const result of turn.results) {
      if (pending.includes(result.tool_use_id) && !answered.has(result.tool_use_id)) {
        answered.add(result.tool_use_id);
        kept.push(result);
      } else {
        const text = textBlock(`Tool result (${result.tool_use_id}): ${resultText(result)}`);
        if (text && hasText(resultText(result))) orphanTexts.push(text);
      }
    }
    for (const id of pending) {
      if (!answered.has(id)) {
        kept.push({ type: 'tool_result', tool_use_id: id, content: '(no result)', is_error: true });
      }
    }
    turn.results = kept;
    turn.blocks = [...orphanTexts, ...turn.blocks];
    pending = [];
  }

  const out = merged.filter((turn) => turn.results.length > 0 || turn.blocks.length > 0);
  // Re-merge after orphan results emptied a turn.
  const final: Turn[] = [];
  for (const turn of out) {
    const last = final[final.length - 1];
    if (last && last.role === turn.role) {
      last.results.push(...turn.results);
      last.blocks.push(...turn.blocks);
    } else final.push(turn);
  }
  if (final.length > 0 && final[0]!.role === 'assistant') {
    final.unshift({ role: 'user', results: [], blocks: [{ type: 'text', text: '...' }] });
  }
  const lastTurn = final[final.length - 1];
  if (lastTurn && lastTurn.role === 'assistant') trimPrefill(final);

  return final.map((turn) => ({ role: turn.role, content: [...turn.results, ...turn.blocks] }));
}

/** A final assistant prefill must not end with whitespace. */
function trimPrefill(turns: Turn[]): void {
  const turn = turns[turns.length - 1]!;
  const last = turn.blocks[turn.blocks.length - 1];
  if (!last || last.type !== 'text') return;
  const trimmed = last.text.trimEnd();
  if (trimmed.length > 0) {
    last.text = trimmed;
    return;
  }
  turn.blocks.pop();
  if (turn.blocks.every((b) => b.type === 'thinking' || b.type === 'redacted_thinking')) turns.pop();
}
