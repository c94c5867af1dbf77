import { MOCK_DELTAS, MOCK_INPUT_TOKENS, MOCK_OUTPUT_TOKENS, MOCK_TEXT } from './mock-text';

/** Anthropic Messages answers, shaped like api.anthropic.com's. */
export function anthropicMessage(model: string): string {
  return JSON.stringify({
    id: 'msg_bench01',
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'text', text: MOCK_TEXT }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: MOCK_INPUT_TOKENS, output_tokens: MOCK_OUTPUT_TOKENS },
  });
}

function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

const AFTER_START = [
  sse('content_block_start', {
    type: 'content_block_start',
    index: 0,
    content_block: { type: 'text', text: '' },
  }),
  sse('ping', { type: 'ping' }),
  ...MOCK_DELTAS.map((text) =>
    sse('content_block_delta', {
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'text_delta', text },
    }),
  ),
  sse('content_block_stop', { type: 'content_block_stop', index: 0 }),
  sse('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: 'end_turn', stop_sequence: null },
    usage: { output_tokens: MOCK_OUTPUT_TOKENS },
  }),
  sse('message_stop', { type: 'message_stop' }),
].map((event) => Buffer.from(event));

/** message_start … content_block_delta ×50 … message_stop, one buffer per event. */
export function anthropicStreamEvents(model: string): Buffer[] {
  const start = sse('message_start', {
    type: 'message_start',
    message: {
      id: 'msg_bench01',
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: MOCK_INPUT_TOKENS, output_tokens: 1 },
    },
  });
  return [Buffer.from(start), ...AFTER_START];
}
