import { GatewayErrorCode } from '@switchboard/common/errors';
import {
  openAiDoneEvent,
  openAiErrorForAnthropicType,
  openAiStreamErrorEvent,
  type OpenAiChunkDelta,
  type SseEvent,
} from '@switchboard/protocols';
import type { ConversionClock, TokenUsage } from '../converter.interface';
import { asString, isJsonObject, tryParseJson } from '../shared/json-object';
import { restoreToolName } from '../shared/tool-names';
import { openAiUsageFromTokenUsage } from '../shared/usage';
import type { OpenAiToAnthropicMemo } from './conversion-memo';
import { finishReasonFor } from './finish-reason';
import { jsonToolContentFromText } from './json-tool';

/**
 * Anthropic SSE events → OpenAI chat.completion.chunk events, as a pure reducer: `step(state, event)` returns the
 * next state and the events to send; `flush(state)` handles the upstream closing. The state is never mutated.
 *
 * Order toward the client: role chunk (at message_start), content / reasoning_content / tool_calls deltas (tool
 * `index` counts tool calls, not Anthropic blocks; id and name first, then argument fragments; `{}` for a call
 * without arguments), the finish chunk (at message_stop, so a cut after message_delta is never a clean finish),
 * the usage chunk with empty choices when the client asked for `stream_options.include_usage`, `data: [DONE]`.
 * An upstream `error` event or a close before message_stop becomes an OpenAI error frame + `[DONE]`.
 */

type BlockKind = 'text' | 'thinking' | 'tool' | 'json' | 'ignored';

interface BlockState {
  readonly kind: BlockKind;
  readonly toolIndex: number;
  readonly hadArguments: boolean;
  /** JSON-mode tool: its argument text, sent as content once complete. */
  readonly buffer: string;
}

export interface StreamFailure {
  readonly code: GatewayErrorCode;
  readonly message: string;
  readonly upstreamType?: string;
}

export interface StreamState {
  readonly memo: OpenAiToAnthropicMemo;
  readonly id: string;
  readonly created: number;
  /** `{"id":…,"choices":[{"index":0,"delta":` for this stream, fixed at message_start. */
  readonly prefix: string;
  readonly model: string;
  readonly started: boolean;
  readonly blocks: readonly (BlockState | undefined)[];
  readonly toolCount: number;
  readonly hasClientToolCalls: boolean;
  readonly stopReason: unknown;
  readonly usage: TokenUsage;
  readonly thinkingTokens?: number;
  readonly firstTokenSeen: boolean;
  readonly status: 'open' | 'done' | 'failed';
  readonly failure?: StreamFailure;
}

export type StepResult = [StreamState, SseEvent[]];

const NO_EVENTS: SseEvent[] = [];

export function initialStreamState(memo: OpenAiToAnthropicMemo, clock: ConversionClock): StreamState {
  return {
    memo,
    id: `chatcmpl-${clock.newId()}`,
    created: Math.floor(clock.now() / 1000),
    prefix: '',
    model: memo.model,
    started: false,
    blocks: [],
    toolCount: 0,
    hasClientToolCalls: false,
    stopReason: null,
    usage: { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
    firstTokenSeen: false,
    status: 'open',
  };
}

function prefixFor(id: string, created: number, model: string): string {
  return `{"id":${JSON.stringify(id)},"object":"chat.completion.chunk","created":${created},"model":${JSON.stringify(model)},"choices":[{"index":0,"delta":`;
}

function chunk(s: StreamState, delta: OpenAiChunkDelta, finishReason: string | null = null): SseEvent {
  const finish = finishReason === null ? 'null' : `"${finishReason}"`;
  const usage = s.memo.includeUsage ? ',"usage":null' : '';
  return { data: `${s.prefix}${JSON.stringify(delta)},"logprobs":null,"finish_reason":${finish}}]${usage}}` };
}

function start(s: StreamState, model: string | undefined, usage: unknown): StepResult {
  const modelName = model && model.length > 0 ? model : s.model;
  const next: StreamState = {
    ...s,
    started: true,
    model: modelName,
    prefix: prefixFor(s.id, s.created, modelName),
    usage: mergeUsage(s.usage, usage),
  };
  return [next, [chunk(next, { role: 'assistant', content: '' })]];
}

const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;

/** Anthropic counters are cumulative: present values overwrite, absent ones are kept. */
function mergeUsage(previous: TokenUsage, raw: unknown): TokenUsage {
  if (!isJsonObject(raw)) return previous;
  return {
    input_tokens: count(raw.input_tokens) ?? previous.input_tokens,
    output_tokens: count(raw.output_tokens) ?? previous.output_tokens,
    cache_read_input_tokens: count(raw.cache_read_input_tokens) ?? previous.cache_read_input_tokens,
    cache_creation_input_tokens:
      count(raw.cache_creation_input_tokens) ?? previous.cache_creation_input_tokens,
  };
}

function withBlock(s: StreamState, index: number, block: BlockState): StreamState['blocks'] {
  const blocks = s.blocks.slice();
  blocks[index] = block;
  return blocks;
}

function failed(s: StreamState, failure: StreamFailure, anthropicType: string): StepResult {
  const next: StreamState = { ...s, status: 'failed', failure };
  return [
    next,
    [openAiStreamErrorEvent(openAiErrorForAnthropicType(anthropicType, failure.message)), openAiDoneEvent()],
  ];
}

function onBlockStart(s: StreamState, index: number, block: Record<string, unknown>): StepResult {
  switch (block.type) {
    case 'text': {
      const state = {
        ...s,
        blocks: withBlock(s, index, { kind: 'text', toolIndex: -1, hadArguments: false, buffer: '' }),
      };
      const text = asString(block.text);
      if (!text) return [state, NO_EVENTS];
      return [{ ...state, firstTokenSeen: true }, [chunk(state, { content: text })]];
    }
    case 'thinking': {
      const state = {
        ...s,
        blocks: withBlock(s, index, { kind: 'thinking', toolIndex: -1, hadArguments: false, buffer: '' }),
      };
      const thinking = asString(block.thinking);
      if (!thinking || !s.memo.exposeReasoning) return [state, NO_EVENTS];
      return [{ ...state, firstTokenSeen: true }, [chunk(state, { reasoning_content: thinking })]];
    }
    case 'tool_use': {
      const name = asString(block.name) ?? '';
      if (s.memo.jsonTool !== undefined && name === s.memo.jsonTool) {
        return [
          {
            ...s,
            blocks: withBlock(s, index, { kind: 'json', toolIndex: -1, hadArguments: false, buffer: '' }),
          },
          NO_EVENTS,
        ];
      }
      const toolIndex = s.toolCount;
      const initial =
        isJsonObject(block.input) && Object.keys(block.input).length > 0 ? JSON.stringify(block.input) : '';
      const state: StreamState = {
        ...s,
        toolCount: toolIndex + 1,
        hasClientToolCalls: true,
        firstTokenSeen: true,
        blocks: withBlock(s, index, {
          kind: 'tool',
          toolIndex,
          hadArguments: initial.length > 0,
          buffer: '',
        }),
      };
      const id = asString(block.id) ?? `call_${s.id.slice(9)}_${toolIndex}`;
      return [
        state,
        [
          chunk(state, {
            tool_calls: [
              {
                index: toolIndex,
                id,
                type: 'function',
                function: { name: restoreToolName(s.memo.toolNames, name), arguments: initial },
              },
            ],
          }),
        ],
      ];
    }
    default:
      // redacted_thinking, server_tool_use, server tool results, future block types.
      return [
        {
          ...s,
          blocks: withBlock(s, index, { kind: 'ignored', toolIndex: -1, hadArguments: false, buffer: '' }),
        },
        NO_EVENTS,
      ];
  }
}

function onBlockDelta(s: StreamState, index: number, delta: Record<string, unknown>): StepResult {
  const block = s.blocks[index];
  if (!block) return [s, NO_EVENTS];
  switch (delta.type) {
    case 'text_delta': {
      const text = asString(delta.text);
      if (!text || block.kind !== 'text') return [s, NO_EVENTS];
      const state = s.firstTokenSeen ? s : { ...s, firstTokenSeen: true };
      return [state, [chunk(state, { content: text })]];
    }
    case 'thinking_delta': {
      const thinking = asString(delta.thinking);
      if (!thinking || block.kind !== 'thinking' || !s.memo.exposeReasoning) return [s, NO_EVENTS];
      const state = s.firstTokenSeen ? s : { ...s, firstTokenSeen: true };
      return [state, [chunk(state, { reasoning_content: thinking })]];
    }
    case 'input_json_delta': {
      const fragment = asString(delta.partial_json);
      if (!fragment) return [s, NO_EVENTS];
      if (block.kind === 'json') {
        return [
          { ...s, blocks: withBlock(s, index, { ...block, buffer: block.buffer + fragment }) },
          NO_EVENTS,
        ];
      }
      if (block.kind !== 'tool') return [s, NO_EVENTS];
      const state = block.hadArguments
        ? s
        : { ...s, blocks: withBlock(s, index, { ...block, hadArguments: true }) };
      return [
        state,
        [chunk(state, { tool_calls: [{ index: block.toolIndex, function: { arguments: fragment } }] })],
      ];
    }
    default:
      // signature_delta, citations_delta, future delta types.
      return [s, NO_EVENTS];
  }
}

function onBlockStop(s: StreamState, index: number): StepResult {
  const block = s.blocks[index];
  if (!block) return [s, NO_EVENTS];
  if (block.kind === 'tool' && !block.hadArguments) {
    // OpenAI clients JSON.parse the arguments: never leave them empty.
    return [s, [chunk(s, { tool_calls: [{ index: block.toolIndex, function: { arguments: '{}' } }] })]];
  }
  if (block.kind === 'json') {
    const state: StreamState = {
      ...s,
      firstTokenSeen: true,
      blocks: withBlock(s, index, { ...block, buffer: '' }),
    };
    return [state, [chunk(state, { content: jsonToolContentFromText(block.buffer, s.memo) })]];
  }
  return [s, NO_EVENTS];
}

function onMessageStop(s: StreamState): StepResult {
  let finish = finishReasonFor(s.stopReason);
  if (finish === 'tool_calls' && !s.hasClientToolCalls) finish = 'stop';
  const out: SseEvent[] = [chunk(s, {}, finish)];
  if (s.memo.includeUsage) {
    const usage = openAiUsageFromTokenUsage(s.usage, s.thinkingTokens);
    out.push({
      data: `{"id":${JSON.stringify(s.id)},"object":"chat.completion.chunk","created":${s.created},"model":${JSON.stringify(s.model)},"choices":[],"usage":${JSON.stringify(usage)}}`,
    });
  }
  out.push(openAiDoneEvent());
  return [{ ...s, status: 'done' }, out];
}

export function step(s: StreamState, event: SseEvent): StepResult {
  if (s.status !== 'open') return [s, NO_EVENTS];
  const parsed = tryParseJson(event.data);
  if (!isJsonObject(parsed)) {
    if (event.event === 'ping' || event.data.trim().length === 0) return [s, NO_EVENTS];
    return failed(
      s,
      {
        code: GatewayErrorCode.UPSTREAM_STREAM_CUT,
        message: 'The upstream sent an unreadable stream event.',
      },
      'api_error',
    );
  }
  const type = asString(parsed.type) ?? event.event;
  if (type === 'error') {
    const error = isJsonObject(parsed.error) ? parsed.error : {};
    const upstreamType = asString(error.type) ?? 'api_error';
    const message = asString(error.message) ?? 'The upstream reported an error mid-stream.';
    return failed(s, { code: GatewayErrorCode.UPSTREAM_ERROR, message, upstreamType }, upstreamType);
  }
  if (type === 'ping') return [s, NO_EVENTS];

  let state = s;
  let out: SseEvent[] = NO_EVENTS;
  if (!state.started) {
    const message = type === 'message_start' && isJsonObject(parsed.message) ? parsed.message : undefined;
    [state, out] = start(state, asString(message?.model), message?.usage);
    if (type === 'message_start') return [state, out];
  }
  const [next, more] = dispatch(state, type, parsed);
  return [next, out.length === 0 ? more : more.length === 0 ? out : [...out, ...more]];
}

function dispatch(s: StreamState, type: string | undefined, data: Record<string, unknown>): StepResult {
  const index = typeof data.index === 'number' ? data.index : -1;
  switch (type) {
    case 'content_block_start':
      return isJsonObject(data.content_block) && index >= 0
        ? onBlockStart(s, index, data.content_block)
        : [s, NO_EVENTS];
    case 'content_block_delta':
      return isJsonObject(data.delta) && index >= 0 ? onBlockDelta(s, index, data.delta) : [s, NO_EVENTS];
    case 'content_block_stop':
      return index >= 0 ? onBlockStop(s, index) : [s, NO_EVENTS];
    case 'message_delta': {
      const delta = isJsonObject(data.delta) ? data.delta : {};
      const usage = isJsonObject(data.usage) ? data.usage : undefined;
      const details =
        usage && isJsonObject(usage.output_tokens_details) ? usage.output_tokens_details : undefined;
      return [
        {
          ...s,
          stopReason: delta.stop_reason ?? s.stopReason,
          usage: mergeUsage(s.usage, usage),
          thinkingTokens: count(details?.thinking_tokens) ?? s.thinkingTokens,
        },
        NO_EVENTS,
      ];
    }
    case 'message_stop':
      return onMessageStop(s);
    default:
      // message_start repeated, unknown future events.
      return [s, NO_EVENTS];
  }
}

/** Upstream closed. Before message_stop that is a cut: the client gets an error frame, never a clean finish. */
export function flush(s: StreamState): StepResult {
  if (s.status !== 'open') return [s, NO_EVENTS];
  return failed(
    s,
    {
      code: GatewayErrorCode.UPSTREAM_STREAM_CUT,
      message: 'The upstream stream ended before message_stop; the response is incomplete.',
    },
    'api_error',
  );
}
