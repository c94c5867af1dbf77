import { validateAnthropicRequest } from '../anthropic-request.validator';
import { anthropicRequestProblem } from './anthropic-request-rules';
import { chunkText, randomId, sseFrame, type MockDialect } from './mock-dialect';
import type { RecordedRequest } from './recorded-request';
import type { AssistantTurn, ScriptedUsage } from './reply-spec';

const ERROR_TYPES: Record<number, [string, string]> = {
  400: ['invalid_request_error', 'Invalid request'],
  401: ['authentication_error', 'invalid x-api-key'],
  402: ['billing_error', 'Your credit balance is too low to access the Anthropic API.'],
  403: ['permission_error', 'Your API key does not have permission to use the specified resource.'],
  404: ['not_found_error', 'Not found'],
  413: ['request_too_large', 'Request exceeds the maximum allowed number of bytes.'],
  429: ['rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit'],
  500: ['api_error', 'Internal server error'],
  504: ['timeout_error', 'Request timed out'],
  529: ['overloaded_error', 'Overloaded'],
};

export const DEFAULT_USAGE: ScriptedUsage = { input: 21, output: 9, cacheRead: 0, cacheWrite: 0 };

/** Anthropic Messages API behaviour: `/v1/messages` and `/v1/messages/count_tokens` under any base path. */
export class AnthropicDialect implements MockDialect {
  operation(request: RecordedRequest): string | undefined {
    if (request.method !== 'POST') return undefined;
    if (request.path.endsWith('/v1/messages')) return 'messages';
    if (request.path.endsWith('/v1/messages/count_tokens')) return 'count_tokens';
    return undefined;
  }

  validate(request: RecordedRequest, operation: string) {
    const invalid = (message: string) => ({
      status: 400,
      body: this.errorBody(400, 'invalid_request_error', message),
    });
    if (!request.headers['anthropic-version']) return invalid('anthropic-version: header is required');
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.rawBody);
    } catch {
      return invalid('There was an error parsing the body of your request: it is not valid JSON.');
    }
    const problem = anthropicRequestProblem(parsed, operation as 'messages' | 'count_tokens');
    if (problem) return invalid(problem);
    // The shared strict validator (stricter than the API: roles alternate, no unknown field anywhere).
    const strictProblems = operation === 'messages' ? validateAnthropicRequest(parsed) : [];
    return strictProblems.length > 0 ? invalid(strictProblems.join('; ')) : undefined;
  }

  errorBody(status: number, errorType?: string, message?: string) {
    const [defaultType, defaultMessage] =
      ERROR_TYPES[status] ?? (status >= 500 ? ERROR_TYPES[500] : ERROR_TYPES[400]);
    return {
      type: 'error',
      error: { type: errorType ?? defaultType, message: message ?? defaultMessage },
      request_id: randomId('req_011C'),
    };
  }

  responseHeaders() {
    return { 'request-id': randomId('req_011C') };
  }

  isStreamRequested(request: RecordedRequest, operation: string) {
    return operation === 'messages' && request.body.stream === true;
  }

  renderJson(turn: AssistantTurn, request: RecordedRequest, operation: string) {
    const usage = { ...DEFAULT_USAGE, ...turn.usage };
    if (operation === 'count_tokens') return { input_tokens: usage.input };
    return {
      id: randomId('msg_01'),
      type: 'message',
      role: 'assistant',
      model: turn.model ?? request.body.model,
      content: contentBlocks(turn),
      stop_reason: stopReason(turn),
      stop_sequence: null,
      usage: usageBody(usage, usage.output),
    };
  }

  renderStream(turn: AssistantTurn, request: RecordedRequest): string[] {
    const usage = { ...DEFAULT_USAGE, ...turn.usage };
    const frames = [
      sseFrame(
        {
          type: 'message_start',
          message: {
            id: randomId('msg_01'),
            type: 'message',
            role: 'assistant',
            model: turn.model ?? request.body.model,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: usageBody(usage, 1),
          },
        },
        'message_start',
      ),
      sseFrame({ type: 'ping' }, 'ping'),
    ];
    contentBlocks(turn).forEach((block, index) => {
      const event = (data: Record<string, unknown>) => sseFrame({ ...data }, data.type as string);
      if (block.type === 'thinking') {
        frames.push(
          event({
            type: 'content_block_start',
            index,
            content_block: { type: 'thinking', thinking: '', signature: '' },
          }),
        );
        for (const piece of chunkText(block.thinking as string, 12)) {
          frames.push(
            event({ type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: piece } }),
          );
        }
        frames.push(
          event({
            type: 'content_block_delta',
            index,
            delta: { type: 'signature_delta', signature: block.signature },
          }),
        );
      } else if (block.type === 'text') {
        frames.push(event({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } }));
        for (const piece of chunkText(block.text as string, turn.deltaSize)) {
          frames.push(
            event({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } }),
          );
        }
      } else {
        frames.push(
          event({
            type: 'content_block_start',
            index,
            content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
          }),
        );
        frames.push(
          event({
            type: 'content_block_delta',
            index,
            delta: { type: 'input_json_delta', partial_json: '' },
          }),
        );
        for (const piece of chunkText(JSON.stringify(block.input), 7)) {
          frames.push(
            event({
              type: 'content_block_delta',
              index,
              delta: { type: 'input_json_delta', partial_json: piece },
            }),
          );
        }
      }
      frames.push(event({ type: 'content_block_stop', index }));
    });
    frames.push(
      sseFrame(
        {
          type: 'message_delta',
          delta: { stop_reason: stopReason(turn), stop_sequence: null },
          usage: {
            input_tokens: usage.input,
            cache_creation_input_tokens: usage.cacheWrite,
            cache_read_input_tokens: usage.cacheRead,
            output_tokens: usage.output,
          },
        },
        'message_delta',
      ),
      sseFrame({ type: 'message_stop' }, 'message_stop'),
    );
    return frames;
  }

  renderStreamError(errorType = 'overloaded_error', message = 'Overloaded'): string[] {
    return [
      sseFrame(
        { type: 'error', error: { type: errorType, message }, request_id: randomId('req_011C') },
        'error',
      ),
    ];
  }
}

function contentBlocks(turn: AssistantTurn): Array<Record<string, unknown>> {
  const blocks: Array<Record<string, unknown>> = [];
  if (turn.thinking !== undefined) {
    blocks.push({ type: 'thinking', thinking: turn.thinking, signature: randomId('EqMBCkgIBhABGAIiQ', 40) });
  }
  if (turn.text !== undefined) blocks.push({ type: 'text', text: turn.text });
  for (const call of turn.toolCalls ?? []) {
    blocks.push({
      type: 'tool_use',
      id: call.id ?? randomId('toolu_01'),
      name: call.name,
      input: call.input,
    });
  }
  return blocks;
}

function stopReason(turn: AssistantTurn): string {
  return turn.stopReason ?? (turn.toolCalls?.length ? 'tool_use' : 'end_turn');
}

function usageBody(usage: ScriptedUsage, outputTokens: number) {
  return {
    input_tokens: usage.input,
    cache_creation_input_tokens: usage.cacheWrite,
    cache_read_input_tokens: usage.cacheRead,
    cache_creation: { ephemeral_5m_input_tokens: usage.cacheWrite, ephemeral_1h_input_tokens: 0 },
    output_tokens: outputTokens,
    service_tier: 'standard',
  };
}
