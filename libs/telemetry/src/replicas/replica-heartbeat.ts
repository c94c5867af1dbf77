import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { SqlRunner } from '../sql';

export interface ReplicaIdentity {
  id: string;
  host: string;
  pid: number;
  version: string;
  startedAt: Date;
}

export function newReplicaIdentity(version: string): ReplicaIdentity {
  const host = hostname();
  return {
    id: `${host}-${process.pid}-${randomBytes(3).toString('hex')}`.slice(0, 100),
    host,
    pid: process.pid,
    version,
    startedAt: new Date(),
  };
}

/** Upserts this process's row in `replicas` (last_seen = now). */
export async function writeHeartbeat(
  sql: SqlRunner,
  replica: ReplicaIdentity,
  revision: number,
  requestsServed: number,
): Promise<void> {
  await sql(
    `INSERT INTO replicas (id, host, pid, version, started_at, last_seen, route_table_revision, requests_served)
     VALUES ($1, $2, $3, $4, $5, now(), $6, $7)
     ON CONFLICT (id) DO UPDATE SET last_seen = now(), route_table_revision = EXCLUDED.route_table_revision,
       requests_served = EXCLUDED.requests_served`,
    [replica.id, replica.host, replica.pid, replica.version, replica.startedAt, revision, requestsServed],
  );
}
