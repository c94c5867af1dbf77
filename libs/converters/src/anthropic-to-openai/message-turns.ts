import { isJsonObject, type JsonObject } from '@switchboard/protocols';
import { invalidRequest } from './request-error';
import { systemTexts } from './system-texts';

/** Consecutive same-role Anthropic messages, merged. */
export interface Turn {
  role: 'user' | 'assistant';
  /** Blocks with the path each came from, for error messages. */
  blocks: { block: JsonObject; path: string }[];
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
