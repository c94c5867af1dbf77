import { asString, isJsonObject, type OpenAiChatStreamEvent } from '@switchboard/protocols';
import { restoreToolName } from '../shared/tool-names';
import { jsonToolContentFromText } from './json-tool';
import { chunkEvent } from '../shared/openai-client-chunks';
import type { StepResult, StreamState } from './stream.reducer';

/** Content blocks of an Anthropic stream → OpenAI deltas (the block half of the stream reducer). */

type BlockKind = 'text' | 'thinking' | 'tool' | 'json' | 'ignored';

export interface BlockState {
  readonly kind: BlockKind;
  readonly toolIndex: number;
  readonly hadArguments: boolean;
  /** JSON-mode tool: its argument text, sent as content once complete. */
  readonly buffer: string;
}

const NO_EVENTS: OpenAiChatStreamEvent[] = [];

function withBlock(s: StreamState, index: number, kind: BlockKind): StreamState {
  const blocks = s.blocks.slice();
  blocks[index] = { kind, toolIndex: -1, hadArguments: false, buffer: '' };
  return { ...s, blocks };
}

function updateBlock(s: StreamState, index: number, block: BlockState): StreamState {
  const blocks = s.blocks.slice();
  blocks[index] = block;
  return { ...s, blocks };
}

const firstToken = (s: StreamState): StreamState => (s.firstTokenSeen ? s : { ...s, firstTokenSeen: true });

function toolStart(s: StreamState, index: number, block: Record<string, unknown>): StepResult {
  const name = asString(block.name) ?? '';
  if (s.memo.jsonTool !== undefined && name === s.memo.jsonTool)
    return [withBlock(s, index, 'json'), NO_EVENTS];
  const toolIndex = s.toolCount;
  const initial =
    isJsonObject(block.input) && Object.keys(block.input).length > 0 ? JSON.stringify(block.input) : '';
  const state = updateBlock(
    { ...s, toolCount: toolIndex + 1, hasClientToolCalls: true, firstTokenSeen: true },
    index,
    { kind: 'tool', toolIndex, hadArguments: initial.length > 0, buffer: '' },
  );
  const id = asString(block.id) ?? `call_${s.id.slice(9)}_${toolIndex}`;
  const call = {
    index: toolIndex,
    id,
    type: 'function' as const,
    function: { name: restoreToolName(s.memo.toolNames, name), arguments: initial },
  };
  return [state, [chunkEvent(state, { tool_calls: [call] })]];
}

export function onBlockStart(s: StreamState, index: number, block: Record<string, unknown>): StepResult {
  switch (block.type) {
    case 'text': {
      const state = withBlock(s, index, 'text');
      const text = asString(block.text);
      if (!text) return [state, NO_EVENTS];
      return [firstToken(state), [chunkEvent(state, { content: text })]];
    }
    case 'thinking': {
      const state = withBlock(s, index, 'thinking');
      const thinking = asString(block.thinking);
      if (!thinking || !s.memo.exposeReasoning) return [state, NO_EVENTS];
      return [firstToken(state), [chunkEvent(state, { reasoning_content: thinking })]];
    }
    case 'tool_use':
      return toolStart(s, index, block);
    default:
      // redacted_thinking, server_tool_use, server tool results, future block types.
      return [withBlock(s, index, 'ignored'), NO_EVENTS];
  }
}

export function onBlockDelta(s: StreamState, index: number, delta: Record<string, unknown>): StepResult {
  const block = s.blocks[index];
  if (!block) return [s, NO_EVENTS];
  switch (delta.type) {
    case 'text_delta': {
      const text = asString(delta.text);
      if (!text || block.kind !== 'text') return [s, NO_EVENTS];
      const state = firstToken(s);
      return [state, [chunkEvent(state, { content: text })]];
    }
    case 'thinking_delta': {
      const thinking = asString(delta.thinking);
      if (!thinking || block.kind !== 'thinking' || !s.memo.exposeReasoning) return [s, NO_EVENTS];
      const state = firstToken(s);
      return [state, [chunkEvent(state, { reasoning_content: thinking })]];
    }
    case 'input_json_delta': {
      const fragment = asString(delta.partial_json);
      if (!fragment) return [s, NO_EVENTS];
      if (block.kind === 'json') {
        return [updateBlock(s, index, { ...block, buffer: block.buffer + fragment }), NO_EVENTS];
      }
      if (block.kind !== 'tool') return [s, NO_EVENTS];
      const state = block.hadArguments ? s : updateBlock(s, index, { ...block, hadArguments: true });
      const call = { index: block.toolIndex, function: { arguments: fragment } };
      return [state, [chunkEvent(state, { tool_calls: [call] })]];
    }
    default:
      // signature_delta, citations_delta, future delta types.
      return [s, NO_EVENTS];
  }
}

export function onBlockStop(s: StreamState, index: number): StepResult {
  const block = s.blocks[index];
  if (!block) return [s, NO_EVENTS];
  if (block.kind === 'tool' && !block.hadArguments) {
    // OpenAI clients JSON.parse the arguments: never leave them empty.
    const call = { index: block.toolIndex, function: { arguments: '{}' } };
    return [s, [chunkEvent(s, { tool_calls: [call] })]];
  }
  if (block.kind === 'json') {
    const state = updateBlock({ ...s, firstTokenSeen: true }, index, { ...block, buffer: '' });
    return [state, [chunkEvent(state, { content: jsonToolContentFromText(block.buffer, s.memo) })]];
  }
  return [s, NO_EVENTS];
}
