import type { HttpTarget } from '../probe/http-target';

/** What the clients send: a system prompt and one user turn, as Open WebUI or Claude Code would. */
const SYSTEM = 'You are a concise assistant.';
const QUESTION = 'Explain in about two hundred tokens what an LLM gateway does.';

export const MOCK_PATHS = {
  anthropic: '/anthropic/v1/messages',
  openai: '/openai/v1/chat/completions',
  failingOpenai: '/fail/v1/chat/completions',
  /** 10 ms between events: ~0.5 s streams, so 64 connections hold 64 streams open at once. */
  slowAnthropic: '/delay/0/10/anthropic/v1/messages',
  /** The whole stream in one upstream write (the issue-17 method's upstream). */
  burstAnthropic: '/burst/anthropic/v1/messages',
  burstOpenai: '/burst/openai/v1/chat/completions',
  /** One write per event, all in one event-loop turn. */
  tickAnthropic: '/tick/anthropic/v1/messages',
  /** An event every 100 ms (~5.3 s streams): the held-open streams of the scale scenario. */
  slowStreamAnthropic: '/delay/0/100/anthropic/v1/messages',
} as const;

export function openaiRequest(port: number, path: string, model: string, stream: boolean): HttpTarget {
  return {
    port,
    path,
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench-client' },
    body: JSON.stringify({
      model,
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: QUESTION },
      ],
      max_tokens: 512,
      ...(stream ? { stream: true } : {}),
    }),
  };
}

export function anthropicRequest(port: number, path: string, model: string, stream: boolean): HttpTarget {
  return {
    port,
    path,
    headers: {
      'content-type': 'application/json',
      'anthropic-version': '2023-06-01',
      'x-api-key': 'bench-client',
    },
    body: JSON.stringify({
      model,
      max_tokens: 512,
      system: SYSTEM,
      messages: [{ role: 'user', content: QUESTION }],
      ...(stream ? { stream: true } : {}),
    }),
  };
}
