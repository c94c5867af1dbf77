import type { AttemptOutcome } from '../record/request-record';
import type { AttemptFailure } from './attempt-failure';

/** How a failed attempt is reported in the usage record. */
export function outcomeOf(failure: AttemptFailure, trigger: boolean): AttemptOutcome {
  switch (failure.kind) {
    case 'status':
      if (failure.status === 429) return 'http_429';
      if (failure.status >= 500) return 'http_5xx';
      return trigger ? 'http_status' : 'upstream_error';
    case 'network':
      return failure.reason === 'refused'
        ? 'connection_refused'
        : failure.reason === 'reset'
          ? 'connection_reset'
          : 'network_error';
    case 'timeout':
      return 'timeout';
    case 'misconfigured':
      return 'misconfigured';
  }
}
