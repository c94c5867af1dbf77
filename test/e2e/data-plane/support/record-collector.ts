import type { RequestRecord, RequestRecordBus } from '@switchboard/proxy';

/** Every request record a bus publishes, in order, with a way to await the next ones. */
export interface RecordCollector {
  readonly records: RequestRecord[];
  /** Resolves with all records once at least `count` have been published. */
  atLeast(count: number, timeoutMs?: number): Promise<RequestRecord[]>;
  /** Resolves with the first record published for this request id. */
  forRequest(requestId: string, timeoutMs?: number): Promise<RequestRecord>;
  stop(): void;
}

export function collectRecords(bus: RequestRecordBus): RecordCollector {
  const records: RequestRecord[] = [];
  const waiters = new Set<() => void>();
  const subscription = bus.records$.subscribe((record) => {
    records.push(record);
    for (const wake of [...waiters]) wake();
  });
  const until = <T>(what: string, found: () => T | undefined, timeoutMs: number): Promise<T> => {
    const now = found();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(wake);
        reject(new Error(`no ${what} within ${timeoutMs} ms (records: ${records.length})`));
      }, timeoutMs);
      const wake = (): void => {
        const value = found();
        if (value === undefined) return;
        clearTimeout(timer);
        waiters.delete(wake);
        resolve(value);
      };
      waiters.add(wake);
    });
  };
  return {
    records,
    atLeast: (count, timeoutMs = 10_000) =>
      until(`${count} records`, () => (records.length >= count ? records : undefined), timeoutMs),
    forRequest: (requestId, timeoutMs = 10_000) =>
      until(`record for ${requestId}`, () => records.find((r) => r.request_id === requestId), timeoutMs),
    stop: () => subscription.unsubscribe(),
  };
}
