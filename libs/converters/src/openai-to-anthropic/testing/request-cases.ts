import { GatewayError } from '@switchboard/common/errors';
import { validateAnthropicRequest } from '@switchboard/testing/anthropic-request.validator';
import type { UpstreamTarget } from '../../converter.interface';
import { fixedClock } from '../../testing/fixed-clock';
import { readMemo } from '../conversion-memo';
import { mapRequest } from '../request.mapper';

/** Converts a request body as the specs need it (checked by the strict Anthropic validator), or its error. */

export const target: UpstreamTarget = { provider: 'anthropic' };

export function convert(body: Record<string, unknown>, t: UpstreamTarget = target) {
  const result = mapRequest({ model: 'claude-sonnet-4-5', ...body }, t, fixedClock());
  expect(validateAnthropicRequest(result.body)).toEqual([]);
  // Tests walk the converted body freely; its shape is checked by the strict validator above.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { body: result.body as Record<string, any>, memo: readMemo(result.memo) };
}

export function errorOf(body: Record<string, unknown>): GatewayError {
  try {
    mapRequest({ model: 'm', ...body }, target, fixedClock());
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

export const user = (content: unknown) => ({ role: 'user', content });
