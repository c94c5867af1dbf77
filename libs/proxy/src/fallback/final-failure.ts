import type { Protocol } from '@switchboard/protocols';
import { describeFailure, type AttemptFailure } from './attempt-failure';

export interface TriedInstance {
  name: string;
  failure: AttemptFailure;
}

export interface FinalFailure {
  status: number;
  message: string;
  retryAfter?: string;
}

/**
 * What the client gets when no attempt succeeded: the last failure's status if it is 429 or 5xx (retry-after
 * kept; 529 becomes 503 toward OpenAI clients), 504 for a timeout, 502 for a refused or reset connection or any
 * other status. The message names every instance tried.
 */
export function finalFailure(tried: readonly TriedInstance[], clientProtocol: Protocol): FinalFailure {
  const last = tried[tried.length - 1].failure;
  let status: number;
  let retryAfter: string | undefined;
  if (last.kind === 'status' && (last.status === 429 || (last.status >= 500 && last.status <= 599))) {
    status = last.status === 529 && clientProtocol !== 'anthropic-messages' ? 503 : last.status;
    retryAfter = last.retryAfter;
  } else if (last.kind === 'timeout') {
    status = 504;
  } else {
    status = 502;
  }
  const attempts = tried.map((t) => `${t.name} (${describeFailure(t.failure)}${upstreamMessage(t.failure)})`);
  const lead =
    tried.length === 1 ? 'The upstream request failed' : `All ${tried.length} upstream attempts failed`;
  return { status, message: `${lead}: ${attempts.join(', ')}`, retryAfter };
}

function upstreamMessage(failure: AttemptFailure): string {
  if (failure.kind !== 'status') return '';
  const body = failure.body as { error?: { message?: unknown } } | string | null | undefined;
  let text: unknown;
  if (typeof body === 'string') text = body;
  else if (body && typeof body === 'object' && body.error && typeof body.error === 'object') {
    text = body.error.message;
  }
  if (typeof text !== 'string' || text.length === 0) return '';
  const clipped = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  return `: ${clipped}`;
}
