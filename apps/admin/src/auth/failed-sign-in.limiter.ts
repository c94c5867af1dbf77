const WINDOW_MS = 60_000;
const MAX_TRACKED = 10_000;

interface Window {
  startedAt: number;
  failures: number;
}

/**
 * Failed admin sign-ins per client address (issues 11 and 13, one rule): once an address has `threshold`
 * failures in a window of one minute (started by its first failure), its further failures are answered 429
 * until that minute is over. Only failures are counted and only failures are refused: a correct token is
 * never checked here.
 */
export class FailedSignInLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly threshold = 20,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds the address must wait before a failure is answered 401 again; 0 when it is not blocked. */
  blockedForSeconds(address: string): number {
    const window = this.live(address);
    if (window === undefined || window.failures < this.threshold) return 0;
    return Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - this.now()) / 1000));
  }

  recordFailure(address: string): void {
    const window = this.live(address);
    if (window) {
      window.failures++;
      return;
    }
    if (this.windows.size >= MAX_TRACKED) this.sweep();
    this.windows.set(address, { startedAt: this.now(), failures: 1 });
  }

  private live(address: string): Window | undefined {
    const window = this.windows.get(address);
    if (window && window.startedAt + WINDOW_MS <= this.now()) {
      this.windows.delete(address);
      return undefined;
    }
    return window;
  }

  private sweep(): void {
    const now = this.now();
    for (const [address, window] of this.windows) {
      if (window.startedAt + WINDOW_MS <= now) this.windows.delete(address);
    }
    // Still full of live windows (an address-spraying attack): forget the oldest rather than grow unbounded.
    if (this.windows.size >= MAX_TRACKED) this.windows.delete(this.windows.keys().next().value!);
  }
}
