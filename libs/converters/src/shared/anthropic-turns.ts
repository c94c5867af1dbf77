import { isJsonObject, type JsonObject } from '@switchboard/protocols';
import { isBlank, SERVER_BLOCK_TYPES } from '../anthropic-to-openai/content.mapper';
import type { Turn } from '../anthropic-to-openai/message-turns';
import { invalidRequest } from '../anthropic-to-openai/request-error';

/** Where the blocks of an Anthropic user turn go; each upstream protocol writes them in its own shapes. */
export interface UserTurnSink {
  /** A `tool_result` that answers one of the calls of the preceding assistant turn. */
  toolResult(id: string, block: JsonObject, path: string): void;
  text(text: string): void;
  image(block: JsonObject, path: string): void;
  document(block: JsonObject, path: string): void;
  searchResult(block: JsonObject): void;
}

/** Drops an Anthropic server block (nothing an OpenAI upstream can use); any other unknown block is a 400. */
export function skipServerBlock(
  block: JsonObject,
  path: string,
  where: 'a user message' | 'an assistant message',
): void {
  if (SERVER_BLOCK_TYPES.has(block.type as string)) return;
  throw invalidRequest(
    `${path}.type`,
    `content block type ${JSON.stringify(block.type)} is not allowed in ${where} toward an OpenAI upstream`,
  );
}

/** A checked `tool_use` block of an assistant turn; its id joins `openCalls` (the next user turn must answer it). */
export function readToolUse(
  block: JsonObject,
  path: string,
  openCalls: Set<string>,
): { id: string; name: string; arguments: string } {
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
  return { id, name, arguments: JSON.stringify(input ?? {}) };
}

/** Tool calls left without a result once the next user turn is read: OpenAI upstreams reject them. */
export function rejectUnansweredCalls(openCalls: ReadonlySet<string>): void {
  if (openCalls.size === 0) return;
  throw invalidRequest(
    'messages',
    `tool_use ids without a tool_result in the following user turn: ${[...openCalls].join(', ')}`,
  );
}

/**
 * Checks a user turn toward an OpenAI upstream (Chat or Responses) and hands its blocks to `sink`: every
 * `tool_result` must answer a call in `openCalls` (answered ones are removed), and every call must be answered.
 * Thinking and Anthropic server blocks are dropped; blank text is skipped.
 */
export function readUserTurn(turn: Turn, openCalls: Set<string>, sink: UserTurnSink): void {
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
        sink.toolResult(id, block, path);
        break;
      }
      case 'text':
        if (typeof block.text !== 'string') throw invalidRequest(`${path}.text`, 'must be a string');
        if (!isBlank(block.text)) sink.text(block.text);
        break;
      case 'image':
        sink.image(block, path);
        break;
      case 'document':
        sink.document(block, path);
        break;
      case 'search_result':
        sink.searchResult(block);
        break;
      case 'thinking':
      case 'redacted_thinking':
        break;
      default:
        skipServerBlock(block, path, 'a user message');
    }
  }
  rejectUnansweredCalls(openCalls);
}
