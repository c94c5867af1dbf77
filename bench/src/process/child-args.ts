import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const READY_PREFIX = 'BENCH_READY ';

export function numberArg(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  if (index < 0 || index + 1 >= process.argv.length) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value)) throw new Error(`${name} needs a number`);
  return value;
}

export function stringArg(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
}

/** Tells the parent which port the child listens on (one line on stdout). */
export function announceReady(server: Server): void {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${READY_PREFIX}${port}\n`);
}
