import { isJsonObject } from '@switchboard/protocols';
import type { ConversionMemo } from '../converter.interface';
import type { ResponseEcho } from './response-echo';

/** A flattened namespace member: the upstream function name maps back to these. */
export interface NamespacedName {
  namespace: string;
  name: string;
}

/** A `custom` tool sent upstream as a function: its calls become `custom_tool_call` items again. */
export interface CustomToolName {
  name: string;
  namespace?: string;
}

/**
 * What the request side of a Responses-client attempt hands to its response side. `responseId` is fixed at
 * request time so that the stream, the stored record and the client all see one id; `droppedTools` is read by
 * the data plane for the `x-switchboard-dropped-tools` header and the request log.
 */
export interface ResponsesClientMemo {
  model: string;
  responseId: string;
  createdAt: number;
  /** Upstream function name → namespace and member name, for flattened namespace tools. */
  namespaced: Record<string, NamespacedName>;
  /** Upstream function name → custom tool, for converted `custom` tools. */
  custom: Record<string, CustomToolName>;
  droppedTools: string[];
  /** Emit reasoning summary events/parts (the client sent `reasoning`). */
  reasoningSummary: boolean;
  echo: ResponseEcho;
}

export function toMemo(memo: ResponsesClientMemo): ConversionMemo {
  return memo as unknown as ConversionMemo;
}

export function fromMemo(memo: ConversionMemo | undefined): ResponsesClientMemo {
  const raw = (memo ?? {}) as Partial<ResponsesClientMemo>;
  return {
    model: typeof raw.model === 'string' ? raw.model : '',
    responseId: typeof raw.responseId === 'string' ? raw.responseId : 'resp_unknown',
    createdAt: typeof raw.createdAt === 'number' ? raw.createdAt : 0,
    namespaced: isJsonObject(raw.namespaced) ? (raw.namespaced as Record<string, NamespacedName>) : {},
    custom: isJsonObject(raw.custom) ? (raw.custom as Record<string, CustomToolName>) : {},
    droppedTools: Array.isArray(raw.droppedTools) ? raw.droppedTools : [],
    reasoningSummary: raw.reasoningSummary === true,
    echo: isJsonObject(raw.echo) ? (raw.echo as unknown as ResponseEcho) : defaultEcho(),
  };
}

export function defaultEcho(): ResponseEcho {
  return {
    instructions: null,
    max_output_tokens: null,
    metadata: {},
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: null,
    store: true,
    temperature: 1,
    text: { format: { type: 'text' } },
    tool_choice: 'auto',
    tools: [],
    top_p: 1,
    truncation: 'disabled',
    user: null,
  };
}

/** The memo field the data plane reads for the `x-switchboard-dropped-tools` header. */
export function droppedToolsOf(memo: ConversionMemo | undefined): string[] {
  const raw = (memo ?? {}) as { droppedTools?: unknown };
  return Array.isArray(raw.droppedTools) ? raw.droppedTools.filter((t) => typeof t === 'string') : [];
}
