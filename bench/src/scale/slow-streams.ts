import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { HttpTarget } from '../probe/http-target';
import { readMemory, resetPeakRss } from '../process/proc-stats';
import { percentile } from '../stats/percentiles';
import type { Validator } from '../validate/response-validators';

export interface SlowStreamsResult {
  streams: number;
  holdSeconds: number;
  completedStreams: number;
  /** Most streams open at one time, as the client saw them. */
  maxOpen: number;
  peakRssMb: number;
  rssBeforeMb: number;
  healthzPolls: number;
  healthzMaxMs: number;
  healthzP99Ms: number;
  problems: string[];
}

/**
 * `streams` connections each keep a slow stream open (a new one as soon as one ends) for `holdSeconds`;
 * meanwhile /healthz is polled every 50 ms on its own connection. Peak RSS is the gateway's VmHWM.
 */
export async function holdSlowStreams(options: {
  gatewayPid: number;
  gatewayPort: number;
  target: HttpTarget;
  validate: Validator;
  streams: number;
  holdSeconds: number;
}): Promise<SlowStreamsResult> {
  const problems: string[] = [];
  const rssBeforeMb = readMemory(options.gatewayPid).rssKb / 1024;
  const peakReset = resetPeakRss(options.gatewayPid);
  const agent = new Agent({ keepAlive: true, maxSockets: options.streams });
  const deadline = Date.now() + options.holdSeconds * 1000;
  let open = 0;
  let maxOpen = 0;
  let completed = 0;
  let sampledRssKb = 0;
  const oneStream = (): Promise<void> =>
    new Promise((resolve) => {
      open++;
      maxOpen = Math.max(maxOpen, open);
      const req = request(
        {
          host: '127.0.0.1',
          port: options.target.port,
          path: options.target.path,
          method: 'POST',
          agent,
          headers: { ...options.target.headers, 'content-length': Buffer.byteLength(options.target.body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            open--;
            completed++;
            const problem = options.validate({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            });
            if (problem && problems.length < 5) problems.push(`stream: ${problem}`);
            resolve();
          });
        },
      );
      req.on('error', (error) => {
        open--;
        if (problems.length < 5) problems.push(`stream failed: ${error.message}`);
        resolve();
      });
      req.end(options.target.body);
    });
  const lane = async (): Promise<void> => {
    while (Date.now() < deadline) await oneStream();
  };

  const healthAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const healthTimes: number[] = [];
  let polling = true;
  const poll = async (): Promise<void> => {
    while (polling) {
      const started = performance.now();
      const status = await new Promise<number>((resolve) => {
        const req = request(
          { host: '127.0.0.1', port: options.gatewayPort, path: '/healthz', agent: healthAgent },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', () => resolve(0));
        req.end();
      });
      healthTimes.push(performance.now() - started);
      if (status !== 200 && problems.length < 5) problems.push(`/healthz answered ${status}`);
      sampledRssKb = Math.max(sampledRssKb, readMemory(options.gatewayPid).rssKb);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const poller = poll();
  await Promise.all(Array.from({ length: options.streams }, lane));
  polling = false;
  await poller;
  agent.destroy();
  healthAgent.destroy();
  const memory = readMemory(options.gatewayPid);
  if (completed === 0) problems.push('no stream completed');
  return {
    streams: options.streams,
    holdSeconds: options.holdSeconds,
    completedStreams: completed,
    maxOpen,
    peakRssMb: (peakReset ? memory.hwmKb : Math.max(memory.rssKb, sampledRssKb)) / 1024,
    rssBeforeMb,
    healthzPolls: healthTimes.length,
    healthzMaxMs: percentile(healthTimes, 100),
    healthzP99Ms: percentile(healthTimes, 99),
    problems,
  };
}
