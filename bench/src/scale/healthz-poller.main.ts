import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * Polls GET /healthz every `intervalMs` on one keep-alive connection until the parent says `stop`, then sends
 * back every sample. Its own process: a poller inside the harness that holds 1,000 client streams waits
 * behind the harness's own event loop and measures it, not the gateway.
 */
export interface HealthzSample {
  /** ms since the poller started */
  at: number;
  ms: number;
  status: number;
}

const [port, intervalText] = process.argv.slice(2);
const intervalMs = Number(intervalText ?? 50);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const samples: HealthzSample[] = [];
const origin = performance.now();
let polling = true;

function pollOnce(): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port: Number(port), path: '/healthz', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

async function poll(): Promise<void> {
  while (polling) {
    const started = performance.now();
    const status = await pollOnce();
    samples.push({ at: started - origin, ms: performance.now() - started, status });
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

const done = poll();
process.on('message', (message) => {
  if (message !== 'stop') return;
  polling = false;
  void done.then(() => {
    agent.destroy();
    process.send?.(samples, () => process.exit(0));
  });
});
process.send?.('ready');
