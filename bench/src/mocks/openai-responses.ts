import { MOCK_DELTAS, MOCK_INPUT_TOKENS, MOCK_OUTPUT_TOKENS, MOCK_TEXT } from './mock-text';

const USAGE = {
  prompt_tokens: MOCK_INPUT_TOKENS,
  completion_tokens: MOCK_OUTPUT_TOKENS,
  total_tokens: MOCK_INPUT_TOKENS + MOCK_OUTPUT_TOKENS,
};

/** OpenAI Chat Completions answers, shaped like api.openai.com's. */
export function openaiCompletion(model: string): string {
  return JSON.stringify({
    id: 'chatcmpl-bench01',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: MOCK_TEXT, refusal: null },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: USAGE,
  });
}

/** A role chunk, 50 content chunks, a finish chunk, an optional usage chunk, then `[DONE]`; one buffer per event. */
export function openaiStreamEvents(model: string, includeUsage: boolean): Buffer[] {
  const created = Math.floor(Date.now() / 1000);
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}): Buffer =>
    Buffer.from(
      `data: ${JSON.stringify({ id: 'chatcmpl-bench01', object: 'chat.completion.chunk', created, model, choices, ...extra })}\n\n`,
    );
  const events = [
    chunk([{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]),
    ...MOCK_DELTAS.map((content) =>
      chunk([{ index: 0, delta: { content }, logprobs: null, finish_reason: null }]),
    ),
    chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]),
  ];
  if (includeUsage) events.push(chunk([], { usage: USAGE }));
  events.push(Buffer.from('data: [DONE]\n\n'));
  return events;
}
