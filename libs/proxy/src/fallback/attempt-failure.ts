/** Why one upstream attempt did not produce a usable response. */
export type AttemptFailure =
  | {
      kind: 'status';
      status: number;
      /** Parsed JSON body, or the raw text when it was not JSON. */
      body: unknown;
      retryAfter?: string;
      /** The URL path the gateway called. */
      path?: string;
    }
  | { kind: 'network'; reason: 'refused' | 'reset' | 'other'; message: string }
  | { kind: 'timeout'; phase: 'connect' | 'first_byte' | 'idle' | 'total'; message: string }
  /** The instance cannot be reached as configured (bad endpoint, unsupported protocol). */
  | { kind: 'misconfigured'; message: string };

export function describeFailure(failure: AttemptFailure): string {
  switch (failure.kind) {
    case 'status':
      return `HTTP ${failure.status}`;
    case 'network':
      return failure.reason === 'refused'
        ? 'connection refused'
        : failure.reason === 'reset'
          ? 'connection reset'
          : failure.message;
    case 'timeout':
      return `${failure.phase.replace('_', '-')} timeout`;
    case 'misconfigured':
      return failure.message;
  }
}
