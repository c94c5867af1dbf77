import {
  isJsonObject,
  type JsonObject,
  type OpenAiAssistantMessage,
  type OpenAiMessage,
  type OpenAiToolCall,
  type OpenAiToolMessage,
} from '@switchboard/protocols';
import {
  documentParts,
  imagePart,
  isBlank,
  SERVER_BLOCK_TYPES,
  searchResultParts,
  textPart,
  type UserPart,
} from './content.mapper';
import { invalidRequest } from './request-error';
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

export interface Turn {
  role: 'user' | 'assistant';
  /** Blocks with the path each came from, for error messages. */
  blocks: { block: JsonObject; path: string }[];
}

export const TOOL_ERROR_PREFIX = '[tool error] ';

/**
 * Claude Code puts `x-anthropic-billing-header: …; cch=<per-request value>` in its system prompt. The line means
 * nothing to an OpenAI model, and its changing value would defeat the upstream's prompt caching: it is removed.
 */
const BILLING_HEADER_LINE = /^[ \t]*x-anthropic-billing-header:[^\n]*(\n|$)/gim;

function withoutBillingHeader(text: string): string {
  return text.includes('x-anthropic-billing-header') ? text.replace(BILLING_HEADER_LINE, '') : text;
}

/** Anthropic `system` (string or text blocks) → its non-blank texts. */
export function systemTexts(system: unknown, path: string): string[] {
  if (system === undefined || system === null) return [];
  if (typeof system === 'string') return isBlank(system) ? [] : [withoutBillingHeader(system)];
  if (!Array.isArray(system)) throw invalidRequest(path, 'must be a string or an array of text blocks');
  return system
    .map((block, i) => {
      if (!isJsonObject(block) || block.type !== 'text' || typeof block.text !== 'string') {
        throw invalidRequest(`${path}.${i}`, 'system blocks must be text blocks');
      }
      return withoutBillingHeader(block.text);
    })
    .filter((t) => !isBlank(t));
}

/**
 * Splits `messages` into conversation turns (consecutive same-role messages merged) and the texts of any
 * mid-conversation `role:"system"` messages, which are hoisted: many OpenAI-compatible servers reject system
 * messages after the first one ("System messages are not allowed").
 */
export function toTurns(messages: unknown): { turns: Turn[]; systems: string[] } {
  if (!Array.isArray(messages)) throw invalidRequest('messages', 'must be an array');
  if (messages.length === 0) throw invalidRequest('messages', 'must contain at least one message');
  const turns: Turn[] = [];
  const systems: string[] = [];
  messages.forEach((message, i) => {
    const path = `messages.${i}`;
    if (!isJsonObject(message)) throw invalidRequest(path, 'must be an object');
    const { role, content } = message;
    if (role === 'system') {
      systems.push(...systemTexts(content, `${path}.content`));
      return;
    }
    if (role !== 'user' && role !== 'assistant') {
      throw invalidRequest(`${path}.role`, 'must be "user" or "assistant"');
    }
    let blocks: Turn['blocks'];
    if (typeof content === 'string') {
      blocks = [{ block: { type: 'text', text: content }, path: `${path}.content` }];
    } else if (Array.isArray(content)) {
      blocks = content.map((block, j) => {
        const blockPath = `${path}.content.${j}`;
        if (!isJsonObject(block) || typeof block.type !== 'string') {
          throw invalidRequest(blockPath, 'must be a content block object with a type');
        }
        return { block, path: blockPath };
      });
    } else {
      throw invalidRequest(`${path}.content`, 'must be a string or an array of content blocks');
    }
    const last = turns[turns.length - 1];
    if (last && last.role === role) last.blocks.push(...blocks);
    else turns.push({ role, blocks });
  });
  return { turns, systems };
}

/** `tool_result.content` → tool message text (text joined by newlines) and images moved to the user turn. */
function toolResultContent(block: JsonObject, path: string): { text: string; images: UserPart[] } {
  const content = block.content;
  const images: UserPart[] = [];
  let text = '';
  if (typeof content === 'string') {
    text = content;
  } else if (Array.isArray(content)) {
    const texts: string[] = [];
    content.forEach((item, i) => {
      const itemPath = `${path}.content.${i}`;
      if (!isJsonObject(item)) throw invalidRequest(itemPath, 'must be a content block object');
      if (item.type === 'text' && typeof item.text === 'string') {
        if (!isBlank(item.text)) texts.push(item.text);
      } else if (item.type === 'image') {
        images.push(imagePart(item, itemPath));
        texts.push('[image]');
      } else if (item.type === 'document') {
        for (const part of documentParts(item, itemPath)) {
          if (part.type === 'text') texts.push(part.text);
          else {
            images.push(part);
            texts.push('[document]');
          }
        }
      } else if (item.type === 'search_result') {
        for (const part of searchResultParts(item)) if (part.type === 'text') texts.push(part.text);
      } else if (item.type === 'tool_reference') {
        // Tool-search results point at Anthropic-side tool definitions: nothing an OpenAI model can use.
      } else {
        throw invalidRequest(
          `${itemPath}.type`,
          `unsupported tool_result content type ${JSON.stringify(item.type)}`,
        );
      }
    });
    text = texts.join('\n');
  } else if (content !== undefined && content !== null) {
    throw invalidRequest(`${path}.content`, 'must be a string or an array of content blocks');
  }
  if (block.is_error === true) text = `${TOOL_ERROR_PREFIX}${text}`;
  return { text, images };
}

function userTurn(turn: Turn, openCalls: Set<string>, out: MessageOut[]): void {
  const parts: UserPart[] = [];
  const toolImages: UserPart[] = [];
  for (const { block, path } of turn.blocks) {
    switch (block.type) {
      case 'tool_result': {
        const id = block.tool_use_id;
        if (typeof id !== 'string' || id.length === 0) {
          throw invalidRequest(`${path}.tool_use_id`, 'must be a non-empty string');
        }
        if (!openCalls.delete(id)) {
          throw invalidRequest(
            `${path}.tool_use_id`,
            `tool_result ${JSON.stringify(id)} does not answer a tool_use of the preceding assistant turn`,
          );
        }
        const { text, images } = toolResultContent(block, path);
        const tool: OpenAiToolMessage = { role: 'tool', tool_call_id: id, content: text };
        out.push(tool);
        toolImages.push(...images);
        break;
      }
      case 'text':
        if (typeof block.text !== 'string') throw invalidRequest(`${path}.text`, 'must be a string');
        if (!isBlank(block.text)) parts.push(textPart(block.text));
        break;
      case 'image':
        parts.push(imagePart(block, path));
        break;
      case 'document':
        parts.push(...documentParts(block, path));
        break;
      case 'search_result':
        parts.push(...searchResultParts(block));
        break;
      case 'thinking':
      case 'redacted_thinking':
        break;
      default:
        if (SERVER_BLOCK_TYPES.has(block.type as string)) break;
        throw invalidRequest(
          `${path}.type`,
          `content block type ${JSON.stringify(block.type)} is not allowed in a user message toward an OpenAI upstream`,
        );
    }
  }
  if (openCalls.size > 0) {
    throw invalidRequest(
      'messages',
      `tool_use ids without a tool_result in the following user turn: ${[...openCalls].join(', ')}`,
    );
  }
  // Images a tool returned cannot live in a tool message: they open the user message that follows the results.
  const all = [...toolImages, ...parts];
  if (all.length === 0) return;
  const content = all.length === 1 && all[0]?.type === 'text' ? all[0].text : all;
  const previous = out[out.length - 1];
  if (previous && previous.role === 'user') {
    const before = typeof previous.content === 'string' ? [textPart(previous.content)] : previous.content;
    previous.content = [...before, ...all];
    return;
  }
  out.push({ role: 'user', content });
}

function assistantTurn(
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

/** Anthropic `system` + `messages` → OpenAI `messages` (conversion-spec §5.2). */
export function mapMessages(body: JsonObject, options: MessagesOptions): MessageOut[] {
  const { turns, systems } = toTurns(body.messages);
  const system = [...systemTexts(body.system, 'system'), ...systems];
  const out: MessageOut[] = [];
  if (system.length > 0) out.push({ role: 'system', content: system.join('\n\n') });
  const openCalls = new Set<string>();
  for (const turn of turns) {
    if (turn.role === 'user') {
      userTurn(turn, openCalls, out);
    } else {
      if (openCalls.size > 0) {
        throw invalidRequest(
          'messages',
          `tool_use ids without a tool_result in the following user turn: ${[...openCalls].join(', ')}`,
        );
      }
      assistantTurn(turn, options, openCalls, out);
    }
  }
  return out;
}
