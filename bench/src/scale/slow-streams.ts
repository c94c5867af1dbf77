import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import type { HttpTarget } from '../probe/http-target';
import { readCpuSeconds, readMemory, resetPeakRss } from '../process/proc-stats';
import { percentile } from '../stats/percentiles';
import type { Validator } from '../validate/response-validators';
import type { HealthzSample } from './healthz-poller.main';

export interface SlowStreamsResult {
  streams: number;
  holdSeconds: number;
  rampSeconds: number;
  completedStreams: number;
  /** Most streams open at one time, as the client saw them. */
  maxOpen: number;
  peakRssMb: number;
  rssBeforeMb: number;
  healthzPolls: number;
  healthzMaxMs: number;
  healthzP99Ms: number;
  /** The slowest polls, with when they started (s into the hold): ramp-up or throughout. */
  healthzWorst: Array<{ atS: number; ms: number }>;
  /** The gateway's CPU use over the hold (100 = one core busy all the time). */
  gatewayCpuPercent: number;
  problems: string[];
}

/**
 * `streams` connections each keep a slow stream open (a new one as soon as one ends) for `holdSeconds`;
 * meanwhile /healthz is polled every 50 ms on its own connection, from its own process (healthz-poller.main):
 * polled from this process, it waited behind the 1,000 client streams' callbacks here. Peak RSS is the
 * gateway's VmHWM.
 */
export async function holdSlowStreams(options: {
  gatewayPid: number;
  gatewayPort: number;
  target: HttpTarget;
  validate: Validator;
  streams: number;
  holdSeconds: number;
  /**
   * The first streams start spread evenly over this time, one stream's length: then about as many start each
   * second as end, as with users who do not all press enter in the same millisecond. Started together, every
   * stream's events (and its end, and the next one's start) land in the same millisecond for the whole hold.
   */
  rampSeconds: number;
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
  // Lane i opens its first stream i/streams of the way into the ramp, then a new one as each ends.
  const lane = async (_: unknown, i: number): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, (i * options.rampSeconds * 1000) / options.streams));
    while (Date.now() < deadline) await oneStream();
  };

  const poller = await startHealthzPoller(options.gatewayPort);
  const cpuBefore = readCpuSeconds(options.gatewayPid);
  const holdStarted = Date.now();
  const rssSampler = setInterval(() => {
    sampledRssKb = Math.max(sampledRssKb, readMemory(options.gatewayPid).rssKb);
  }, 100);
  await Promise.all(Array.from({ length: options.streams }, lane));
  clearInterval(rssSampler);
  const gatewayCpuPercent =
    (100 * (readCpuSeconds(options.gatewayPid) - cpuBefore)) / ((Date.now() - holdStarted) / 1000);
  const samples = await poller.stop();
  agent.destroy();
  for (const sample of samples)
    if (sample.status !== 200 && problems.length < 5) problems.push(`/healthz answered ${sample.status}`);
  const healthTimes = samples.map((sample) => sample.ms);
  const healthzWorst = [...samples]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((sample) => ({ atS: Math.round(sample.at / 100) / 10, ms: Math.round(sample.ms * 10) / 10 }));
  const memory = readMemory(options.gatewayPid);
  if (completed === 0) problems.push('no stream completed');
  return {
    streams: options.streams,
    holdSeconds: options.holdSeconds,
    rampSeconds: options.rampSeconds,
    completedStreams: completed,
    maxOpen,
    peakRssMb: (peakReset ? memory.hwmKb : Math.max(memory.rssKb, sampledRssKb)) / 1024,
    rssBeforeMb,
    healthzPolls: healthTimes.length,
    healthzMaxMs: percentile(healthTimes, 100),
    healthzP99Ms: percentile(healthTimes, 99),
    healthzWorst,
    gatewayCpuPercent,
    problems,
  };
}

/** The poller process (see healthz-poller.main.ts): started and polling when this resolves. */
async function startHealthzPoller(port: number): Promise<{ stop(): Promise<HealthzSample[]> }> {
  const child = fork(join(__dirname, 'healthz-poller.main.js'), [String(port), '50'], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`healthz poller exited (${code}) before polling`)));
  });
  return {
    stop: () =>
      new Promise((resolve, reject) => {
        child.once('message', (samples) => resolve(samples as HealthzSample[]));
        child.once('exit', (code) =>
          reject(new Error(`healthz poller exited (${code}) without its samples`)),
        );
        child.send('stop');
      }),
  };
}
