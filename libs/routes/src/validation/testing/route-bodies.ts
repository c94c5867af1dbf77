import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { validateRouteBody } from '../route-validator';

/** Route bodies for the validator's specs, and what a rejected body's error says. */

export function instance(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'east', provider: 'openai', auth: { header: { authorization: 'Bearer k' } }, ...overrides };
}

export function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'r1', models: ['gpt-4o'], instances: [instance()], ...overrides };
}

export function errorsOf(raw: unknown): { path: string; message: string }[] {
  try {
    validateRouteBody(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe(GatewayErrorCode.VALIDATION_FAILED);
    return (error as GatewayError).details;
  }
  throw new Error('expected a validation error');
}

export function paths(raw: unknown): string[] {
  return errorsOf(raw).map((detail) => detail.path);
}
