import {
  decodeReasoningItemCarrier,
  type ResponsesInputContent,
  type ResponsesInputItem,
} from '@switchboard/protocols';
import { isBlank } from '../anthropic-to-openai/content.mapper';
import { toTurns, type Turn } from '../anthropic-to-openai/message-turns';
import { invalidRequest } from '../anthropic-to-openai/request-error';
import { readToolUse, readUserTurn, rejectUnansweredCalls, skipServerBlock } from '../shared/anthropic-turns';
import type { ToolNameMap } from '../shared/tool-names';
import {
  documentInputs,
  imageInput,
  inputText,
  searchResultInputs,
  toolResultOutput,
} from './content.mapper';

/**
 * Anthropic conversation turns → Responses `input` items (responses-spec §9.1), in block order:
 * user text/image/document → one `message` item; `tool_result` → `function_call_output`; assistant text →
 * an assistant `message` of `output_text`; `tool_use` → `function_call`; a thinking block whose signature is
 * Switchboard's reasoning carrier → the `reasoning` item it came from (real Anthropic signatures mean nothing to
 * OpenAI: dropped). Tool pairing is checked as anthropic-to-openai does (OpenAI rejects unanswered calls too).
 */

function userTurn(turn: Turn, openCalls: Set<string>, out: ResponsesInputItem[]): void {
  const parts: ResponsesInputContent[] = [];
  readUserTurn(turn, openCalls, {
    toolResult: (id, block, path) =>
      out.push({ type: 'function_call_output', call_id: id, output: toolResultOutput(block, path) }),
    text: (text) => parts.push(inputText(text)),
    image: (block, path) => parts.push(imageInput(block, path)),
    document: (block, path) => parts.push(...documentInputs(block, path)),
    searchResult: (block) => parts.push(...searchResultInputs(block)),
  });
  if (parts.length > 0) out.push({ type: 'message', role: 'user', content: parts });
}

function reasoningItem(carrierText: unknown, thinking: string): ResponsesInputItem | undefined {
  const carrier = decodeReasoningItemCarrier(carrierText);
  // OpenAI requires the item id (Codex replays items the same way under store: false).
  if (!carrier?.id) return undefined;
  return {
    type: 'reasoning',
    id: carrier.id,
    summary: isBlank(thinking) ? [] : [{ type: 'summary_text', text: thinking }],
    encrypted_content: carrier.encrypted_content,
  };
}

function assistantTurn(
  turn: Turn,
  names: ToolNameMap,
  openCalls: Set<string>,
  out: ResponsesInputItem[],
): void {
  const start = out.length;
  // Contiguous text blocks become one assistant message (string content: the easy-message form).
  let texts: string[] = [];
  const flushTexts = (): void => {
    if (texts.length > 0) out.push({ type: 'message', role: 'assistant', content: texts.join('\n') });
    texts = [];
  };
  const push = (item: ResponsesInputItem): void => {
    flushTexts();
    out.push(item);
  };
  for (const { block, path } of turn.blocks) {
    switch (block.type) {
      case 'text':
        if (typeof block.text !== 'string') throw invalidRequest(`${path}.text`, 'must be a string');
        if (isBlank(block.text)) break;
        texts.push(block.text);
        break;
      case 'tool_use': {
        const call = readToolUse(block, path, openCalls);
        push({
          type: 'function_call',
          call_id: call.id,
          name: names.upstreamName(call.name),
          arguments: call.arguments,
        });
        break;
      }
      case 'thinking': {
        const text = typeof block.thinking === 'string' ? block.thinking : '';
        const item = reasoningItem(block.signature, text);
        if (item) push(item);
        break;
      }
      case 'redacted_thinking': {
        const item = reasoningItem(block.data, '');
        if (item) push(item);
        break;
      }
      default:
        skipServerBlock(block, path, 'an assistant message');
    }
  }
  flushTexts();
  // OpenAI refuses a reasoning item without the item it produced ("provided without its required following item").
  while (out.length > start && out[out.length - 1]?.type === 'reasoning') out.pop();
}

/** Anthropic `messages` → Responses input items, plus the texts of mid-conversation system messages. */
export function mapInput(
  messages: unknown,
  names: ToolNameMap,
): { input: ResponsesInputItem[]; systems: string[] } {
  const { turns, systems } = toTurns(messages);
  const input: ResponsesInputItem[] = [];
  const openCalls = new Set<string>();
  for (const turn of turns) {
    if (turn.role === 'user') userTurn(turn, openCalls, input);
    else {
      rejectUnansweredCalls(openCalls);
      assistantTurn(turn, names, openCalls, input);
    }
  }
  return { input, systems };
}
