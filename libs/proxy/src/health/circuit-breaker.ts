export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerSettings {
  failure_threshold: number;
  /** Milliseconds an open instance is left out before one half-open probe. */
  cooldown: number;
}

export interface CircuitSnapshot {
  state: CircuitState;
  consecutive_failures: number;
  /** Epoch ms, null when closed. */
  open_until: number | null;
  /** Epoch ms it last went open (from closed, or again after a failed probe); null when closed. */
  opened_at: number | null;
}

/**
 * Passive health of one instance: `failure_threshold` trigger failures in a row open it for `cooldown` ms; then
 * exactly one request probes it (half-open): success closes, failure reopens.
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openUntil: number | null = null;
  private openedAt: number | null = null;
  private probeInFlight = false;

  state(now: number): CircuitState {
    if (this.openUntil === null) return 'closed';
    return now < this.openUntil ? 'open' : 'half_open';
  }

  /** May a request go to this instance now (without taking the half-open probe slot)? */
  allows(now: number): boolean {
    if (this.openUntil === null) return true;
    return now >= this.openUntil && !this.probeInFlight;
  }

  /** Claim the request; in half-open this takes the single probe slot. Returns false if it is not allowed. */
  acquire(now: number): boolean {
    if (this.openUntil === null) return true;
    if (now < this.openUntil || this.probeInFlight) return false;
    this.probeInFlight = true;
    return true;
  }

  onSuccess(): void {
    this.consecutiveFailures = 0;
    this.openUntil = null;
    this.openedAt = null;
    this.probeInFlight = false;
  }

  onFailure(now: number, settings: CircuitBreakerSettings): void {
    this.consecutiveFailures++;
    const wasProbe = this.probeInFlight;
    this.probeInFlight = false;
    if (wasProbe || this.openUntil !== null || this.consecutiveFailures >= settings.failure_threshold) {
      if (this.openUntil === null || wasProbe) this.openedAt = now;
      this.openUntil = now + settings.cooldown;
    }
  }

  /** The attempt ended without a health verdict (client went away): free the probe slot. */
  release(): void {
    this.probeInFlight = false;
  }

  snapshot(now: number): CircuitSnapshot {
    return {
      state: this.state(now),
      consecutive_failures: this.consecutiveFailures,
      open_until: this.openUntil,
      opened_at: this.openedAt,
    };
  }
}
