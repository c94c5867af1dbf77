import type { AttemptFailure } from './attempt-failure';
import { compileFallbackPolicy, countsAsInstanceFailure, isFallbackTrigger } from './fallback-policy';
import { gatewayErrorStatus } from '@switchboard/common/errors';
import { finalFailure } from '../errors/final-failure';

const status = (code: number, retryAfter?: string): AttemptFailure => ({
  kind: 'status',
  status: code,
  body: '',
  retryAfter,
});
const refused: AttemptFailure = { kind: 'network', reason: 'refused', message: 'ECONNREFUSED' };
const reset: AttemptFailure = { kind: 'network', reason: 'reset', message: 'ECONNRESET' };
const firstByte: AttemptFailure = { kind: 'timeout', phase: 'first_byte', message: '' };
const total: AttemptFailure = { kind: 'timeout', phase: 'total', message: '' };

describe('fallback decision table', () => {
  const both = compileFallbackPolicy({
    fallback_strategy: ['http_429', 'http_5xx'],
    fallback_http_statuses: [401, 402],
    max_retries: null,
  });
  const only429 = compileFallbackPolicy({
    fallback_strategy: ['http_429'],
    fallback_http_statuses: [],
    max_retries: 2,
  });

  it.each([
    [status(429), true, true],
    [status(500), true, false],
    [status(503), true, false],
    [status(529), true, false],
    [refused, true, false],
    [reset, true, false],
    [firstByte, true, false],
    [total, false, false],
    [status(400), false, false],
    [status(404), false, false],
    [status(401), true, false],
    [status(402), true, false],
    [status(403), false, false],
  ])('%j → trigger with both strategies: %s; with http_429 only: %s', (failure, withBoth, with429) => {
    expect(isFallbackTrigger(both, failure)).toBe(withBoth);
    expect(isFallbackTrigger(only429, failure)).toBe(with429);
  });

  it('bounds attempts by max_retries, or every instance once', () => {
    expect(both.maxAttempts).toBe(Infinity);
    expect(only429.maxAttempts).toBe(3);
  });

  it('never counts the total timeout against an instance', () => {
    expect(countsAsInstanceFailure(both, total)).toBe(false);
    expect(countsAsInstanceFailure(both, status(500))).toBe(true);
    expect(countsAsInstanceFailure(both, status(400))).toBe(false);
  });

  it('never counts a failure before any upstream call against an instance', () => {
    const unbuildable: AttemptFailure = { kind: 'misconfigured', message: 'request conversion failed' };
    expect(isFallbackTrigger(both, unbuildable)).toBe(true);
    expect(countsAsInstanceFailure(both, unbuildable)).toBe(false);
  });
});

describe('final failure', () => {
  it.each([
    [status(500), 'openai-chat', 500],
    [status(429, '3'), 'openai-chat', 429],
    [status(529), 'openai-chat', 503],
    [status(529), 'anthropic-messages', 529],
    [status(402), 'openai-chat', 502],
    [refused, 'openai-chat', 502],
    [reset, 'anthropic-messages', 502],
    [firstByte, 'openai-chat', 504],
    [total, 'anthropic-messages', 504],
  ] as const)('last failure %j toward %s → %i', (failure, protocol, expected) => {
    expect(gatewayErrorStatus(finalFailure([{ name: 'x', failure }], protocol))).toBe(expected);
  });

  it('keeps retry-after and names every instance tried with its failure', () => {
    const final = finalFailure(
      [
        { name: 'east', failure: refused },
        {
          name: 'west',
          failure: {
            kind: 'status',
            status: 429,
            body: { error: { message: 'slow down' } },
            retryAfter: '9',
          },
        },
      ],
      'openai-chat',
    );
    expect(gatewayErrorStatus(final)).toBe(429);
    expect(final.headers).toEqual({ 'retry-after': '9' });
    expect(final.message).toBe(
      'All 2 upstream attempts failed: east (connection refused), west (HTTP 429: slow down)',
    );
  });
});
