import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';

/**
 * Deepest nesting of arrays and objects a request body may have. Real requests (tool schemas included) stay
 * far below it; a body nested thousands of levels deep parses, but would overflow the stack when an attempt
 * serialises it, and must be the client's error, never an instance's.
 */
export const MAX_JSON_DEPTH = 128;

/** Throws INVALID_REQUEST when `value` nests deeper than MAX_JSON_DEPTH (iterative: no recursion to overflow). */
export function assertNestingDepth(value: unknown): void {
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const current = stack.pop();
    const depth = depths.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > MAX_JSON_DEPTH) {
      throw new GatewayError(
        GatewayErrorCode.INVALID_REQUEST,
        `The request body is nested deeper than ${MAX_JSON_DEPTH} levels.`,
      );
    }
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) {
        stack.push(child);
        depths.push(depth + 1);
      }
    }
  }
}

const VERSION = /^[\x21-\x7e]{1,64}$/;
const BETA = /^[\x20-\x7e]{0,1024}$/;

/** `anthropic-version` and `anthropic-beta` go upstream verbatim: printable ASCII of bounded length only. */
export function assertAnthropicHeaders(version: string | undefined, beta: string | undefined): void {
  if (version !== undefined && !VERSION.test(version)) {
    throw invalidHeader('anthropic-version', 'printable ASCII without spaces, at most 64 characters');
  }
  if (beta !== undefined && !BETA.test(beta)) {
    throw invalidHeader('anthropic-beta', 'printable ASCII, at most 1024 characters');
  }
}

function invalidHeader(name: string, rule: string): GatewayError {
  return new GatewayError(GatewayErrorCode.INVALID_REQUEST, `Invalid '${name}' header: it must be ${rule}.`);
}
