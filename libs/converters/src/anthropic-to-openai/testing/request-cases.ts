import { GatewayError } from '@switchboard/common/errors';
import type { UpstreamTarget } from '../../converter.interface';
import { mapRequest } from '../request.mapper';

/** Targets, a base body and small helpers for the request mapper's specs. */

export const openai: UpstreamTarget = { provider: 'openai' };
export const compatible: UpstreamTarget = { provider: 'openai-compatible' };
export const deepseek: UpstreamTarget = { provider: 'deepseek' };

export const base = { model: 'claude-sonnet-4-5', max_tokens: 1024 };
export const convert = (body: Record<string, unknown>, target: UpstreamTarget = openai) =>
  mapRequest({ ...base, messages: [{ role: 'user', content: 'hi' }], ...body }, target);
export const bodyOf = (body: Record<string, unknown>, target?: UpstreamTarget) => convert(body, target).body;

export function rejection(fn: () => unknown): GatewayError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
