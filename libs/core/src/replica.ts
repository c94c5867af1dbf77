import { hostname } from 'node:os';

/** Which apps a process runs: the admin reports breaker state only a co-located gateway can have recorded. */
export type AppRole = 'gateway' | 'admin';

/** This process as one replica of a deployment. */
export interface Replica {
  /** `<hostname>/<pid>`: unique among the replicas of one deployment. */
  readonly id: string;
  /** Filled by the app bootstraps as they start (a gateway-only, admin-only or combined process). */
  readonly roles: Set<AppRole>;
}

export function thisReplica(): Replica {
  return { id: `${hostname()}/${process.pid}`, roles: new Set() };
}
