import { DEFAULT_USAGE } from '../../../support/mock-upstreams/anthropic-dialect';
import {
  chunkText,
  randomId,
  sseFrame,
  type MockDialect,
} from '../../../support/mock-upstreams/mock-dialect';
import { MockUpstream } from '../../../support/mock-upstreams/mock-upstream';
import type { RecordedRequest } from '../../../support/mock-upstreams/recorded-request';
import { reply, type AssistantTurn } from '../../../support/mock-upstreams/reply-spec';
import { responsesRequestProblem } from './responses-upstream-rules';

/**
 * A loopback OpenAI Responses API (`POST …/responses`, JSON or SSE as asked): rejects what OpenAI rejects
 * (./responses-upstream-rules.ts) and answers scripted turns as OpenAI does — a reasoning item (with an
 * `encrypted_content` blob it will later verify, when `include` asks for it), a message, function calls.
 */

type Json = Record<string, unknown>;

export type ResponsesUpstream = MockUpstream;

class ResponsesDialect implements MockDialect {
  /** `encrypted_content` blobs this server issued (a replayed reasoning item must carry one of them). */
  private readonly issued = new Set<string>();

  operation(request: RecordedRequest): string | undefined {
    return request.method === 'POST' && request.path.endsWith('/responses') ? 'responses' : undefined;
  }

  validate(request: RecordedRequest) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.rawBody);
    } catch {
      return {
        status: 400,
        body: this.errorBody(400, undefined, 'We could not parse the JSON body of your request.'),
      };
    }
    const found = responsesRequestProblem(parsed, this.issued);
    if (!found) return undefined;
    return {
      status: found.status,
      body: {
        error: {
          message: found.message,
          type: 'invalid_request_error',
          param: found.param,
          code: found.code,
        },
      },
    };
  }

  errorBody(status: number, errorType?: string, message?: string) {
    const type =
      errorType ??
      (status >= 500 ? 'server_error' : status === 429 ? 'rate_limit_error' : 'invalid_request_error');
    const code = status === 429 ? 'rate_limit_exceeded' : null;
    return { error: { message: message ?? `Error ${status}`, type, param: null, code } };
  }

  responseHeaders() {
    return { 'x-request-id': randomId('req_') };
  }

  isStreamRequested(request: RecordedRequest) {
    return request.body.stream === true;
  }

  renderJson(turn: AssistantTurn, request: RecordedRequest) {
    return this.response(turn, request, this.items(turn, request));
  }

  renderStream(turn: AssistantTurn, request: RecordedRequest): string[] {
    const items = this.items(turn, request);
    const frames: Json[] = [];
    const started = { ...this.response(turn, request, []), status: 'in_progress', usage: null };
    frames.push(
      { type: 'response.created', response: started },
      { type: 'response.in_progress', response: started },
    );
    items.forEach((item, at) => frames.push(...itemEvents(item, at, turn.deltaSize ?? 4)));
    const done = this.response(turn, request, items);
    frames.push({
      type: done.status === 'incomplete' ? 'response.incomplete' : 'response.completed',
      response: done,
    });
    return frames.map((frame, i) =>
      sseFrame({ type: frame.type, sequence_number: i, ...frame }, frame.type as string),
    );
  }

  renderStreamError(errorType?: string, message?: string): string[] {
    const error = {
      type: 'error',
      sequence_number: 0,
      code: errorType ?? 'server_error',
      message: message ?? 'The server had an error.',
      param: null,
    };
    return [sseFrame(error, 'error')];
  }

  private items(turn: AssistantTurn, request: RecordedRequest): Json[] {
    const items: Json[] = [];
    if (turn.thinking !== undefined) {
      const wantsBlob =
        Array.isArray(request.body.include) && request.body.include.includes('reasoning.encrypted_content');
      const blob = wantsBlob ? `gAAAAB${randomId('', 40)}` : undefined;
      if (blob) this.issued.add(blob);
      items.push({
        id: randomId('rs_'),
        type: 'reasoning',
        summary: turn.thinking ? [{ type: 'summary_text', text: turn.thinking }] : [],
        ...(blob ? { encrypted_content: blob } : {}),
      });
    }
    if (turn.text) {
      const part = { type: 'output_text', text: turn.text, annotations: [], logprobs: [] };
      items.push({
        id: randomId('msg_'),
        type: 'message',
        status: 'completed',
        role: 'assistant',
        content: [part],
      });
    }
    for (const call of turn.toolCalls ?? []) {
      const args = JSON.stringify(call.input);
      items.push({
        id: randomId('fc_'),
        type: 'function_call',
        status: 'completed',
        call_id: call.id ?? randomId('call_'),
        name: call.name,
        arguments: args,
      });
    }
    return items;
  }

  private response(turn: AssistantTurn, request: RecordedRequest, output: Json[]) {
    const usage = { ...DEFAULT_USAGE, ...turn.usage };
    const input = usage.input + usage.cacheRead + usage.cacheWrite;
    const incomplete = turn.stopReason === 'max_tokens';
    return {
      id: randomId('resp_'),
      object: 'response',
      created_at: 1767225600,
      status: incomplete ? 'incomplete' : 'completed',
      error: null,
      incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
      model: turn.model ?? String(request.body.model),
      output,
      store: request.body.store !== false,
      usage: {
        input_tokens: input,
        input_tokens_details: { cached_tokens: usage.cacheRead },
        output_tokens: usage.output,
        output_tokens_details: { reasoning_tokens: turn.thinking ? 5 : 0 },
        total_tokens: input + usage.output,
      },
    };
  }
}

/** The stream events of one finished output item, as OpenAI orders them (responses-spec §4.3). */
function itemEvents(item: Json, at: number, size: number): Json[] {
  const base = { output_index: at };
  const id = item.id;
  if (item.type === 'reasoning') {
    const summary = item.summary as { text: string }[];
    const events: Json[] = [
      {
        type: 'response.output_item.added',
        ...base,
        item: { ...item, summary: [], encrypted_content: undefined },
      },
    ];
    summary.forEach((part, s) => {
      const at2 = { item_id: id, ...base, summary_index: s };
      events.push({
        type: 'response.reasoning_summary_part.added',
        ...at2,
        part: { type: 'summary_text', text: '' },
      });
      for (const delta of chunkText(part.text, size))
        events.push({ type: 'response.reasoning_summary_text.delta', ...at2, delta });
      events.push({ type: 'response.reasoning_summary_text.done', ...at2, text: part.text });
      events.push({ type: 'response.reasoning_summary_part.done', ...at2, part });
    });
    return [...events, { type: 'response.output_item.done', ...base, item }];
  }
  if (item.type === 'message') {
    const part = (item.content as Json[])[0] as { text: string };
    const at2 = { item_id: id, ...base, content_index: 0 };
    return [
      { type: 'response.output_item.added', ...base, item: { ...item, status: 'in_progress', content: [] } },
      { type: 'response.content_part.added', ...at2, part: { ...part, text: '' } },
      ...chunkText(part.text, size).map((delta) => ({
        type: 'response.output_text.delta',
        ...at2,
        delta,
        logprobs: [],
      })),
      { type: 'response.output_text.done', ...at2, text: part.text, logprobs: [] },
      { type: 'response.content_part.done', ...at2, part },
      { type: 'response.output_item.done', ...base, item },
    ];
  }
  const args = item.arguments as string;
  return [
    { type: 'response.output_item.added', ...base, item: { ...item, status: 'in_progress', arguments: '' } },
    ...chunkText(args, 7).map((delta) => ({
      type: 'response.function_call_arguments.delta',
      item_id: id,
      ...base,
      delta,
    })),
    { type: 'response.function_call_arguments.done', item_id: id, ...base, name: item.name, arguments: args },
    { type: 'response.output_item.done', ...base, item },
  ];
}

export function startResponsesUpstream(): Promise<ResponsesUpstream> {
  return new MockUpstream(new ResponsesDialect(), reply.text('1 + 1 = 2')).listen();
}
