/** Exhaustiveness check for `switch` over a union/enum: compiling fails when a case is missing. */
export function assertUnreachable(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${String(value)}`);
}
