import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/**
 * Loaded into the gateway with `node -r` when the bench runs with --profile. The V8 sampling profiler (what
 * `node --cpu-prof` uses) is started by one SIGUSR2 and stopped by the next, which writes the profile to
 * `${BENCH_CPU_PROFILE}-<n>.cpuprofile` (n = 1, 2, …): one profile per scenario, without start-up.
 */
const prefix = process.env.BENCH_CPU_PROFILE;
if (prefix) {
  const session = new Session();
  session.connect();
  let running = false;
  let written = 0;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 250 }, () => session.post('Profiler.start')),
      );
      return;
    }
    running = false;
    const file = `${prefix}-${++written}.cpuprofile`;
    session.post('Profiler.stop', (error, result) => {
      writeFileSync(
        `${file}.tmp`,
        error ? JSON.stringify({ error: String(error) }) : JSON.stringify(result.profile),
      );
      renameSync(`${file}.tmp`, file);
    });
  });
}
