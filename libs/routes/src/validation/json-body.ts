import { GatewayError, GatewayErrorCode, type ErrorDetail } from '@switchboard/common/errors';

export type JsonObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function validationFailed(details: ErrorDetail[]): GatewayError {
  const summary = details.map((detail) =>
    detail.path ? `${detail.path}: ${detail.message}` : detail.message,
  );
  return new GatewayError(GatewayErrorCode.VALIDATION_FAILED, `Invalid route: ${summary.join('; ')}`, {
    details,
  });
}

/** "__proto__" keys, anywhere (options too: later merges must never be able to swap a prototype). */
export function findProtoKeys(value: unknown, path: string): ErrorDetail[] {
  if (typeof value !== 'object' || value === null) return [];
  const found: ErrorDetail[] = [];
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key === '__proto__') found.push({ path: at, message: 'the field name "__proto__" is not allowed' });
    else found.push(...findProtoKeys((value as JsonObject)[key], at));
  }
  return found;
}
