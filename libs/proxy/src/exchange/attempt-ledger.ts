import { GatewayErrorCode } from '@switchboard/common/errors';
import type { AttemptFailure } from '../fallback/attempt-failure';
import { outcomeOf } from '../fallback/attempt-outcome';
import { countsAsInstanceFailure, isFallbackTrigger, type FallbackPolicy } from '../fallback/fallback-policy';
import { attemptErrorCode } from '../errors/attempt-error-code';
import type { CircuitBreakerSettings } from '../health/circuit-breaker';
import type { PlannedInstance } from '../routing/route-plan';
import type { AttemptEntry } from '../record/request-trace';

/**
 * The attempts of one request and what each did to its instance's circuit breaker: exactly one breaker verdict
 * per attempt (success, failure or release of a half-open probe).
 */
export class AttemptLedger {
  constructor(
    readonly entries: AttemptEntry[],
    private readonly policy: FallbackPolicy,
    private readonly breakerSettings: CircuitBreakerSettings,
  ) {}

  get count(): number {
    return this.entries.length;
  }

  begin(instance: PlannedInstance, startedAt: number): AttemptEntry {
    const entry: AttemptEntry = {
      instance: instance.name,
      provider: instance.config.provider,
      upstreamProtocol: instance.config.protocol,
      breaker: instance.breaker,
      startedAt,
      outcome: 'success',
      status: null,
      errorCode: null,
      firstByteAt: undefined,
      endedAt: undefined,
    };
    this.entries.push(entry);
    return entry;
  }

  /** The answer is going to the client: the instance worked. */
  succeeded(entry: AttemptEntry, status: number): void {
    entry.breaker.onSuccess();
    entry.outcome = 'success';
    entry.status = status;
  }

  ended(entry: AttemptEntry): void {
    entry.endedAt ??= performance.now();
  }

  /** The attempt failed before anything reached the client. */
  failed(entry: AttemptEntry, failure: AttemptFailure, cut: 'client' | 'shutdown' | undefined): void {
    const breaker = entry.breaker;
    if (cut !== undefined) breaker.release();
    else if (countsAsInstanceFailure(this.policy, failure))
      breaker.onFailure(Date.now(), this.breakerSettings);
    else if (failure.kind === 'status') breaker.onSuccess();
    else breaker.release();
    entry.outcome =
      cut === 'client' ? 'client_aborted' : outcomeOf(failure, isFallbackTrigger(this.policy, failure));
    entry.status = failure.kind === 'status' ? failure.status : null;
    entry.errorCode = cut === 'shutdown' ? GatewayErrorCode.SHUTTING_DOWN : attemptErrorCode(failure);
    this.ended(entry);
  }

  /** The attempt's failure goes back to the client as is (not a fallback trigger). */
  answeredWithError(entry: AttemptEntry): void {
    entry.outcome = 'upstream_error';
  }

  /** The request was never sent: it cannot be expressed for this instance (the client's fault). */
  refused(entry: AttemptEntry, code: string): void {
    entry.breaker.release();
    entry.outcome = 'upstream_error';
    entry.errorCode = code;
    this.ended(entry);
  }

  /** The client went away while the attempt was streaming. */
  abandoned(entry: AttemptEntry, committed: boolean): void {
    if (!committed) entry.breaker.release();
    entry.outcome = 'client_aborted';
    this.ended(entry);
  }

  /** A committed stream broke; the instance is at fault unless the gateway's own deadline cut it. */
  streamBroke(entry: AttemptEntry, code: string, instanceAtFault: boolean): void {
    if (instanceAtFault) entry.breaker.onFailure(Date.now(), this.breakerSettings);
    entry.outcome = 'stream_error';
    entry.errorCode = code;
    this.ended(entry);
  }
}
