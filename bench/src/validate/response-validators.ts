import type { IncomingHttpHeaders } from 'node:http';
import { MOCK_INPUT_TOKENS, MOCK_OUTPUT_TOKENS, MOCK_TEXT } from '../mocks/mock-text';
import { parseSse } from './sse-parser';

export interface ProbeResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Returns what is wrong with a response, or undefined when it is exactly what the client should get. */
export type Validator = (response: ProbeResponse) => string | undefined;

/* eslint-disable @typescript-eslint/no-explicit-any -- validators walk untyped JSON on purpose */

function parseJson(response: ProbeResponse): { value?: any; problem?: string } {
  if (response.status !== 200)
    return { problem: `status ${response.status}: ${response.body.slice(0, 300)}` };
  const type = String(response.headers['content-type'] ?? '');
  if (!type.startsWith('application/json')) return { problem: `content-type ${type}` };
  try {
    return { value: JSON.parse(response.body) };
  } catch {
    return { problem: `body is not JSON: ${response.body.slice(0, 200)}` };
  }
}

function streamEvents(response: ProbeResponse): { events?: ReturnType<typeof parseSse>; problem?: string } {
  if (response.status !== 200)
    return { problem: `status ${response.status}: ${response.body.slice(0, 300)}` };
  const type = String(response.headers['content-type'] ?? '');
  if (!type.startsWith('text/event-stream')) return { problem: `content-type ${type}` };
  return { events: parseSse(response.body) };
}

function sameText(actual: string, where: string): string | undefined {
  if (actual === MOCK_TEXT) return undefined;
  return `${where}: text differs (got ${actual.length} chars: "${actual.slice(0, 60)}…")`;
}

export const openaiCompletion: Validator = (response) => {
  const { value, problem } = parseJson(response);
  if (problem) return problem;
  if (value.object !== 'chat.completion') return `object ${value.object}`;
  const choice = value.choices?.[0];
  if (choice?.message?.role !== 'assistant') return 'choices[0].message.role is not assistant';
  if (choice.finish_reason !== 'stop') return `finish_reason ${choice.finish_reason}`;
  if (
    value.usage?.prompt_tokens !== MOCK_INPUT_TOKENS ||
    value.usage?.completion_tokens !== MOCK_OUTPUT_TOKENS
  ) {
    return `usage ${JSON.stringify(value.usage)}`;
  }
  return sameText(String(choice.message.content), 'choices[0].message.content');
};

export const openaiStream: Validator = (response) => {
  const { events, problem } = streamEvents(response);
  if (problem || !events) return problem;
  if (events.length === 0 || events[events.length - 1].data !== '[DONE]')
    return 'stream does not end with [DONE]';
  let text = '';
  let finish: unknown;
  for (const event of events.slice(0, -1)) {
    let chunk: any;
    try {
      chunk = JSON.parse(event.data);
    } catch {
      return `chunk is not JSON: ${event.data.slice(0, 100)}`;
    }
    if (chunk.error) return `in-stream error ${JSON.stringify(chunk.error)}`;
    if (chunk.object !== 'chat.completion.chunk') return `chunk object ${chunk.object}`;
    const choice = chunk.choices?.[0];
    if (typeof choice?.delta?.content === 'string') text += choice.delta.content;
    if (choice?.finish_reason) finish = choice.finish_reason;
  }
  if (finish !== 'stop') return `finish_reason ${String(finish)}`;
  return sameText(text, 'delta.content');
};

export const anthropicMessage: Validator = (response) => {
  const { value, problem } = parseJson(response);
  if (problem) return problem;
  if (value.type !== 'message' || value.role !== 'assistant') return `type ${value.type} role ${value.role}`;
  if (value.stop_reason !== 'end_turn') return `stop_reason ${value.stop_reason}`;
  if (value.usage?.input_tokens !== MOCK_INPUT_TOKENS || value.usage?.output_tokens !== MOCK_OUTPUT_TOKENS) {
    return `usage ${JSON.stringify(value.usage)}`;
  }
  return sameText(String(value.content?.[0]?.text), 'content[0].text');
};

export const anthropicStream: Validator = (response) => {
  const { events, problem } = streamEvents(response);
  if (problem || !events) return problem;
  if (events[0]?.event !== 'message_start') return `first event ${events[0]?.event}`;
  if (events[events.length - 1].event !== 'message_stop') return 'stream does not end with message_stop';
  let text = '';
  let stopReason: unknown;
  for (const event of events) {
    if (event.event === 'error') return `in-stream error ${event.data.slice(0, 200)}`;
    let data: any;
    try {
      data = JSON.parse(event.data);
    } catch {
      return `event data is not JSON: ${event.data.slice(0, 100)}`;
    }
    if (data.type !== event.event) return `event ${event.event} carries type ${data.type}`;
    if (data.type === 'content_block_delta' && data.delta?.type === 'text_delta') text += data.delta.text;
    if (data.type === 'message_delta') stopReason = data.delta?.stop_reason;
  }
  if (stopReason !== 'end_turn') return `stop_reason ${String(stopReason)}`;
  return sameText(text, 'text_delta');
};

/** Adds the gateway's response headers to a body validator. */
export function viaGateway(validator: Validator, route: string, attempts: number): Validator {
  return (response) => {
    if (response.headers['x-switchboard-route'] !== route) {
      return `x-switchboard-route ${String(response.headers['x-switchboard-route'])} (want ${route})`;
    }
    if (response.headers['x-switchboard-attempts'] !== String(attempts)) {
      return `x-switchboard-attempts ${String(response.headers['x-switchboard-attempts'])} (want ${attempts})`;
    }
    if (!response.headers['x-request-id']) return 'x-request-id missing';
    return validator(response);
  };
}
