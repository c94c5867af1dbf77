/** Where a batch of lines goes (an asynchronous SonicBoom on stdout). */
export interface LineSink {
  write(lines: string): unknown;
}

const MAX_BATCH_CHARS = 16 * 1024;
const MAX_DELAY_MS = 50;

/**
 * Collects log lines and hands them to the sink as one string at most every 50 ms or every 16 KB. Each hand-over
 * becomes an fs.write on libuv's thread pool: one per line cost ~10 µs of a request's CPU under load (the write,
 * and a thread switch on a busy core), more than the line itself. A line waits at most 50 ms; `flush()` hands
 * over what is pending at once.
 */
export class BatchedLines {
  private pending = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly sink: LineSink) {}

  write(line: string): void {
    this.pending += line;
    if (this.pending.length >= MAX_BATCH_CHARS) this.flush();
    else if (this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), MAX_DELAY_MS);
      this.timer.unref();
    }
  }

  flush(): void {
    const lines = this.take();
    if (lines !== '') this.sink.write(lines);
  }

  /** Removes and returns what is pending (process exit writes it synchronously). */
  take(): string {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const lines = this.pending;
    this.pending = '';
    return lines;
  }
}
