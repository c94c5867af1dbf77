import { redirectJsonLogs } from '@switchboard/telemetry';

/**
 * Everything logged until `stop()`: the pino JSON lines (redirected, as they go through an asynchronous
 * destination) and whatever is written to stdout/stderr directly (Nest's logger before an app has its own).
 */
export function captureOutput(): { text: () => string; stop: () => void } {
  const chunks: string[] = [];
  const restoreLogs = redirectJsonLogs((line) => chunks.push(line));
  const originals = [process.stdout.write, process.stderr.write];
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
  }
  return {
    text: () => chunks.join(''),
    stop: () => {
      restoreLogs();
      process.stdout.write = originals[0];
      process.stderr.write = originals[1];
    },
  };
}
