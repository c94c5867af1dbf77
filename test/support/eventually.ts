/** Polls `probe` until it returns a value `done` accepts (or throws the last reason after `timeoutMs`). */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let error: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (done(last)) return last;
      error = undefined;
    } catch (caught) {
      error = caught;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(
    `condition not met in ${timeoutMs} ms; last: ${error === undefined ? JSON.stringify(last) : String(error)}`,
  );
}
