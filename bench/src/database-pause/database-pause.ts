import { childPids } from '../process/cpu-pinning';

/**
 * Wraps a load so that the gateway's child processes (its embedded database) are stopped (SIGSTOP) while it runs
 * and continued (SIGCONT) when it ends. The gateway still does all its own request-log work: records queue up
 * (the queue must hold them: the telemetry A/B gives that gateway room for them) and are written once the
 * database runs again, within the run's settle time, which counts. What moves out of the load is the database's
 * own work, which on this machine kind slows the measured core from the load CPU (see bench/README.md, "Sixth
 * session").
 */
export function databasePausedDuring(gatewayPid: number) {
  return async <T>(load: () => Promise<T>): Promise<T> => {
    const children = childPids(gatewayPid);
    for (const child of children) signal(child, 'SIGSTOP');
    try {
      return await load();
    } finally {
      for (const child of children) signal(child, 'SIGCONT');
    }
  };
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // gone (a restarted database is a new child, untouched)
  }
}
