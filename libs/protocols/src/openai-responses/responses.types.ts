/**
 * OpenAI Responses API wire shapes (`POST /v1/responses`), the subset Switchboard reads or writes
 * (responses-spec §2–§4). Incoming bodies are untrusted: converters still check shapes at run time.
 */

export interface ResponsesOutputText {
  type: 'output_text';
  text: string;
  annotations: unknown[];
  logprobs: unknown[];
}

export interface ResponsesRefusal {
  type: 'refusal';
  refusal: string;
}

export interface ResponsesSummaryText {
  type: 'summary_text';
  text: string;
}

export type ResponsesItemStatus = 'in_progress' | 'completed' | 'incomplete';

export interface ResponsesMessageItem {
  type: 'message';
  id: string;
  role: 'assistant';
  status: ResponsesItemStatus;
  content: (ResponsesOutputText | ResponsesRefusal)[];
}

export interface ResponsesFunctionCallItem {
  type: 'function_call';
  id: string;
  call_id: string;
  name: string;
  /** Set when the called function belongs to a `namespace` tool (Codex keys handlers by namespace and name). */
  namespace?: string;
  arguments: string;
  status: ResponsesItemStatus;
}

export interface ResponsesReasoningItem {
  type: 'reasoning';
  id: string;
  summary: ResponsesSummaryText[];
  /** Switchboard's carrier of an Anthropic thinking signature (see reasoning-carrier.ts), or OpenAI's blob. */
  encrypted_content?: string;
  status?: ResponsesItemStatus;
}

/** A call to a `custom` (free-form input) tool: `input` is the raw text, not JSON. */
export interface ResponsesCustomToolCallItem {
  type: 'custom_tool_call';
  id: string;
  call_id: string;
  name: string;
  namespace?: string;
  input: string;
}

export type ResponsesOutputItem =
  ResponsesMessageItem | ResponsesFunctionCallItem | ResponsesCustomToolCallItem | ResponsesReasoningItem;

export interface ResponsesUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number; cache_write_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

export type ResponsesStatus = 'completed' | 'incomplete' | 'failed' | 'in_progress';

export type ResponsesIncompleteReason = 'max_output_tokens' | 'content_filter';

export interface ResponsesErrorObject {
  code: string;
  message: string;
}

/** The `Response` object; nullable fields the schema requires are always present. */
export interface ResponsesResponse {
  id: string;
  object: 'response';
  created_at: number;
  status: ResponsesStatus;
  completed_at: number | null;
  error: ResponsesErrorObject | null;
  incomplete_details: { reason: ResponsesIncompleteReason } | null;
  instructions: string | null;
  max_output_tokens: number | null;
  model: string;
  output: ResponsesOutputItem[];
  parallel_tool_calls: boolean;
  previous_response_id: string | null;
  reasoning: { effort: string | null; summary: string | null } | null;
  store: boolean;
  temperature: number | null;
  text: { format: Record<string, unknown> };
  tool_choice: unknown;
  tools: unknown[];
  top_p: number | null;
  truncation: 'auto' | 'disabled';
  usage?: ResponsesUsage;
  user?: string;
  metadata: Record<string, string>;
}

/** Every stream event carries `type` and `sequence_number` (one counter per response, from 0). */
export interface ResponsesStreamEventBase {
  type: string;
  sequence_number: number;
}

export type ResponsesLifecycleType =
  | 'response.created'
  | 'response.in_progress'
  | 'response.completed'
  | 'response.incomplete'
  | 'response.failed';

/** Lifecycle events that end a response stream. `error` ends it as well. */
export const RESPONSES_TERMINAL_EVENTS: readonly string[] = [
  'response.completed',
  'response.incomplete',
  'response.failed',
  'error',
];

/** The error body of every non-2xx answer: the OpenAI `ErrorResponse` shape. */
export interface ResponsesErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}
