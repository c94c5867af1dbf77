import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/**
 * Loaded into the gateway with `node -r` when the bench runs with --profile. The V8 sampling profiler
 * (what `node --cpu-prof` uses) is started by the first SIGUSR2 and stopped by the second, which writes the
 * .cpuprofile to BENCH_CPU_PROFILE: the profile then covers the load phases only, not start-up.
 */
const target = process.env.BENCH_CPU_PROFILE;
if (target) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 250 }, () => session.post('Profiler.start')),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      writeFileSync(
        `${target}.tmp`,
        error ? JSON.stringify({ error: String(error) }) : JSON.stringify(result.profile),
      );
      renameSync(`${target}.tmp`, target);
    });
  });
}
