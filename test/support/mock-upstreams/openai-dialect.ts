import { DEFAULT_USAGE } from './anthropic-dialect';
import { chunkText, randomId, sseFrame, type MockDialect } from './mock-dialect';
import { openAiRequestProblem } from './openai-request-rules';
import type { RecordedRequest } from './recorded-request';
import type { AssistantTurn, ScriptedUsage } from './reply-spec';

const ERRORS: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request' },
  401: {
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    message:
      'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
  },
  403: {
    type: 'invalid_request_error',
    code: 'unsupported_country_region_territory',
    message: 'Country, region, or territory not supported',
  },
  404: {
    type: 'invalid_request_error',
    code: 'model_not_found',
    message: 'The model does not exist or you do not have access to it.',
  },
  429: {
    type: 'requests',
    code: 'rate_limit_exceeded',
    message:
      'Rate limit reached for requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 120ms.',
  },
  500: {
    type: 'server_error',
    code: null,
    message: 'The server had an error while processing your request. Sorry about that!',
  },
  503: {
    type: 'server_error',
    code: 'server_is_overloaded',
    message: 'The server is overloaded or not ready yet.',
  },
};

/** Validates a request body; the official schema validator plugs in here (see openai-mock.ts). */
export type OpenAiBodyValidator = (body: unknown) => string | undefined;

/** OpenAI Chat Completions behaviour: `…/chat/completions` under any base path (Azure deployments included). */
export class OpenAiDialect implements MockDialect {
  constructor(private readonly schemaValidator?: OpenAiBodyValidator) {}

  operation(request: RecordedRequest): string | undefined {
    return request.method === 'POST' && request.path.endsWith('/chat/completions') ? 'chat' : undefined;
  }

  validate(request: RecordedRequest) {
    const invalid = (message: string, param: string | null = null, code: string | null = null) => ({
      status: 400,
      body: { error: { message, type: 'invalid_request_error', param, code } },
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.rawBody);
    } catch {
      return invalid(
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
      );
    }
    // Azure OpenAI names the deployment in the URL and takes no `model` in the body.
    const problem = openAiRequestProblem(parsed, !request.path.includes('/deployments/'));
    if (problem) return invalid(problem.message, problem.param, problem.code);
    const schemaProblem = this.schemaValidator?.(
      request.path.includes('/deployments/') ? { model: 'deployment', ...(parsed as object) } : parsed,
    );
    return schemaProblem ? invalid(schemaProblem) : undefined;
  }

  errorBody(status: number, errorType?: string, message?: string) {
    const known = ERRORS[status] ?? (status >= 500 ? ERRORS[500] : ERRORS[400]);
    return {
      error: {
        message: message ?? known.message,
        type: errorType ?? known.type,
        param: null,
        code: known.code,
      },
    };
  }

  responseHeaders() {
    return { 'x-request-id': randomId('req_', 32), 'openai-processing-ms': '42' };
  }

  isStreamRequested(request: RecordedRequest) {
    return request.body.stream === true;
  }

  renderJson(turn: AssistantTurn, request: RecordedRequest) {
    const usage = { ...DEFAULT_USAGE, ...turn.usage };
    const toolCalls = toolCallsOf(turn);
    return {
      id: randomId('chatcmpl-', 29),
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: turn.model ?? request.body.model ?? 'gpt-4o-2024-08-06',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: turn.text ?? null,
            ...(turn.thinking !== undefined ? { reasoning_content: turn.thinking } : {}),
            ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
            refusal: null,
            annotations: [],
          },
          logprobs: null,
          finish_reason: finishReason(turn),
        },
      ],
      usage: usageBody(usage),
      service_tier: 'default',
      system_fingerprint: 'fp_f33640a400',
    };
  }

  renderStream(turn: AssistantTurn, request: RecordedRequest): string[] {
    const id = randomId('chatcmpl-', 29);
    const created = Math.floor(Date.now() / 1000);
    const model = turn.model ?? request.body.model ?? 'gpt-4o-2024-08-06';
    const includeUsage = (request.body.stream_options as { include_usage?: boolean } | undefined)
      ?.include_usage;
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
      sseFrame({
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        service_tier: 'default',
        system_fingerprint: 'fp_f33640a400',
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
        ...(includeUsage ? { usage: null } : {}),
      });
    const frames = [chunk({ role: 'assistant', content: '', refusal: null })];
    for (const piece of chunkText(turn.thinking ?? '', 12)) frames.push(chunk({ reasoning_content: piece }));
    for (const piece of chunkText(turn.text ?? '', turn.deltaSize)) frames.push(chunk({ content: piece }));
    toolCallsOf(turn).forEach((call, index) => {
      frames.push(
        chunk({
          tool_calls: [
            { index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } },
          ],
        }),
      );
      for (const piece of chunkText(call.function.arguments, 7)) {
        frames.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
      }
    });
    frames.push(chunk({}, finishReason(turn)));
    if (includeUsage) {
      frames.push(
        sseFrame({
          id,
          object: 'chat.completion.chunk',
          created,
          model,
          service_tier: 'default',
          system_fingerprint: 'fp_f33640a400',
          choices: [],
          usage: usageBody({ ...DEFAULT_USAGE, ...turn.usage }),
        }),
      );
    }
    frames.push(sseFrame('[DONE]'));
    return frames;
  }

  renderStreamError(
    errorType = 'server_error',
    message = 'The server had an error while processing your request.',
  ): string[] {
    return [sseFrame({ error: { message, type: errorType, param: null, code: null } })];
  }
}

function toolCallsOf(turn: AssistantTurn) {
  return (turn.toolCalls ?? []).map((call) => ({
    id: call.id ?? randomId('call_', 24),
    type: 'function' as const,
    function: { name: call.name, arguments: JSON.stringify(call.input) },
  }));
}

function finishReason(turn: AssistantTurn): string {
  const reason = turn.stopReason ?? (turn.toolCalls?.length ? 'tool_use' : 'end_turn');
  return { end_turn: 'stop', stop_sequence: 'stop', max_tokens: 'length', tool_use: 'tool_calls' }[reason];
}

/** OpenAI's prompt_tokens include cached tokens (read and written). */
function usageBody(usage: ScriptedUsage) {
  const prompt = usage.input + usage.cacheRead + usage.cacheWrite;
  return {
    prompt_tokens: prompt,
    completion_tokens: usage.output,
    total_tokens: prompt + usage.output,
    prompt_tokens_details: { cached_tokens: usage.cacheRead, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}
