import { DEFAULT_USAGE } from './anthropic-dialect';
import { chunkText, randomId, sseFrame, type MockDialect } from './mock-dialect';
import { OpenAiDialect } from './openai-dialect';
import { responsesRequestProblem } from './responses-api-rules';
import type { RecordedRequest } from './recorded-request';
import type { AssistantTurn, ScriptedUsage } from './reply-spec';

type Json = Record<string, unknown>;

/** Reasoning tokens a scripted turn with thinking reports. */
const REASONING_TOKENS = 5;

/**
 * OpenAI Responses API behaviour: `POST …/responses` under any base path, JSON `Response` bodies or the full
 * event grammar with `sequence_number` (responses-spec §3, §4). Errors are OpenAI's, as on Chat Completions.
 * A reasoning item carries an `encrypted_content` blob when `include` asks for it; replayed, it must be one this
 * server issued.
 */
export class ResponsesApiDialect implements MockDialect {
  private readonly openAi = new OpenAiDialect();
  private readonly issued = new Set<string>();

  operation(request: RecordedRequest): string | undefined {
    return request.method === 'POST' && request.path.endsWith('/responses') ? 'responses' : undefined;
  }

  validate(request: RecordedRequest) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.rawBody);
    } catch {
      const message = 'We could not parse the JSON body of your request.';
      return { status: 400, body: this.errorBody(400, undefined, message) };
    }
    const problem = responsesRequestProblem(parsed, this.issued);
    if (!problem) return undefined;
    const { status, message, param, code } = problem;
    return { status, body: { error: { message, type: 'invalid_request_error', param, code } } };
  }

  errorBody(status: number, errorType?: string, message?: string) {
    return this.openAi.errorBody(status, errorType, message);
  }

  responseHeaders() {
    return this.openAi.responseHeaders();
  }

  isStreamRequested(request: RecordedRequest) {
    return request.body.stream === true;
  }

  renderJson(turn: AssistantTurn, request: RecordedRequest) {
    const id = randomId('resp_', 48);
    return responseOf(turn, request, id, outputOf(turn, id, this.reasoningBlob(request)), 'final');
  }

  renderStream(turn: AssistantTurn, request: RecordedRequest): string[] {
    const id = randomId('resp_', 48);
    let seq = 0;
    const frames: string[] = [];
    const emit = (event: Json) =>
      frames.push(sseFrame({ ...event, sequence_number: seq++ }, String(event.type)));
    const pending = responseOf(turn, request, id, [], 'pending');
    emit({ type: 'response.created', response: pending });
    emit({ type: 'response.in_progress', response: pending });
    const items = outputOf(turn, id, this.reasoningBlob(request));
    items.forEach((item, outputIndex) => {
      const at = { item_id: item.id, output_index: outputIndex };
      emit({ type: 'response.output_item.added', output_index: outputIndex, item: opened(item) });
      if (item.type === 'reasoning') {
        const text = (item.summary as { text: string }[])[0].text;
        const part = { type: 'summary_text', text: '' };
        emit({ type: 'response.reasoning_summary_part.added', ...at, summary_index: 0, part });
        for (const delta of chunkText(text, 12))
          emit({ type: 'response.reasoning_summary_text.delta', ...at, summary_index: 0, delta });
        emit({ type: 'response.reasoning_summary_text.done', ...at, summary_index: 0, text });
        emit({
          type: 'response.reasoning_summary_part.done',
          ...at,
          summary_index: 0,
          part: { ...part, text },
        });
      } else if (item.type === 'message') {
        const text = (item.content as { text: string }[])[0].text;
        const part = { type: 'output_text', annotations: [], logprobs: [], text: '' };
        emit({ type: 'response.content_part.added', ...at, content_index: 0, part });
        for (const delta of chunkText(text, turn.deltaSize))
          emit({ type: 'response.output_text.delta', ...at, content_index: 0, delta, logprobs: [] });
        emit({ type: 'response.output_text.done', ...at, content_index: 0, text, logprobs: [] });
        emit({ type: 'response.content_part.done', ...at, content_index: 0, part: { ...part, text } });
      } else {
        const args = String(item.arguments);
        for (const delta of chunkText(args, 7))
          emit({ type: 'response.function_call_arguments.delta', ...at, delta });
        emit({ type: 'response.function_call_arguments.done', ...at, arguments: args, name: item.name });
      }
      emit({ type: 'response.output_item.done', output_index: outputIndex, item });
    });
    const final = responseOf(turn, request, id, items, 'final');
    emit({
      type: final.status === 'incomplete' ? 'response.incomplete' : 'response.completed',
      response: final,
    });
    return frames;
  }

  renderStreamError(
    errorType = 'server_error',
    message = 'The server had an error while processing your request.',
  ) {
    const error = { type: errorType, code: errorType, message, param: null };
    return [sseFrame({ type: 'error', sequence_number: 99, error }, 'error')];
  }

  private reasoningBlob(request: RecordedRequest): string | undefined {
    const include = request.body.include;
    if (!Array.isArray(include) || !include.includes('reasoning.encrypted_content')) return undefined;
    const blob = `gAAAAB${randomId('', 40)}`;
    this.issued.add(blob);
    return blob;
  }
}

/** Ids are derived from the response id so the streamed and the final items agree. */
function outputOf(turn: AssistantTurn, responseId: string, encryptedContent?: string): Json[] {
  const suffix = responseId.slice(5, 21);
  const items: Json[] = [];
  if (turn.thinking !== undefined) {
    items.push({
      id: `rs_${suffix}`,
      type: 'reasoning',
      summary: [{ type: 'summary_text', text: turn.thinking }],
      ...(encryptedContent ? { encrypted_content: encryptedContent } : {}),
    });
  }
  if (turn.text !== undefined) {
    items.push({
      id: `msg_${suffix}`,
      type: 'message',
      status: 'completed',
      content: [{ type: 'output_text', annotations: [], logprobs: [], text: turn.text }],
      role: 'assistant',
    });
  }
  (turn.toolCalls ?? []).forEach((call, k) => {
    items.push({
      id: `fc_${suffix}${k}`,
      type: 'function_call',
      status: 'completed',
      arguments: JSON.stringify(call.input),
      call_id: call.id ?? `call_${suffix}${k}`,
      name: call.name,
    });
  });
  return items;
}

function opened(item: Json): Json {
  if (item.type === 'message') return { ...item, status: 'in_progress', content: [] };
  if (item.type === 'reasoning') return { ...item, summary: [], encrypted_content: undefined };
  return { ...item, status: 'in_progress', arguments: '' };
}

function responseOf(
  turn: AssistantTurn,
  request: RecordedRequest,
  id: string,
  output: Json[],
  phase: string,
) {
  const body = request.body;
  const truncated = turn.stopReason === 'max_tokens';
  return {
    id,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status: phase === 'pending' ? 'in_progress' : truncated ? 'incomplete' : 'completed',
    completed_at: phase === 'pending' ? null : Math.floor(Date.now() / 1000),
    error: null,
    incomplete_details: phase !== 'pending' && truncated ? { reason: 'max_output_tokens' } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: turn.model ?? `${String(body.model)}-2025-11-13`,
    output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null, ...(body.reasoning as Json) },
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: body.text ?? { format: { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: 'disabled',
    usage: phase === 'pending' ? null : usageBody({ ...DEFAULT_USAGE, ...turn.usage }, turn),
    metadata: body.metadata ?? {},
  };
}

/** Responses input_tokens include cached tokens, like Chat's prompt_tokens. */
function usageBody(usage: ScriptedUsage, turn: AssistantTurn) {
  const input = usage.input + usage.cacheRead + usage.cacheWrite;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: usage.cacheRead },
    output_tokens: usage.output,
    output_tokens_details: { reasoning_tokens: turn.thinking === undefined ? 0 : REASONING_TOKENS },
    total_tokens: input + usage.output,
  };
}
