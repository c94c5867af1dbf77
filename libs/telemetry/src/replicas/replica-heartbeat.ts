import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { PublishedBreakers } from '@switchboard/proxy';
import type { SqlRunner } from '../sql';

/** A replica that missed this many heartbeats in a row is reported stale (probably gone). */
export const STALE_AFTER_HEARTBEATS = 3;

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

/** What a heartbeat reports besides "alive". */
export interface HeartbeatState {
  revision: number;
  requestsServed: number;
  /** This replica's circuit breakers that are not closed and clean. */
  breakers: PublishedBreakers;
}

/** Upserts this process's row in `replicas` (last_seen = now). */
export async function writeHeartbeat(
  sql: SqlRunner,
  replica: ReplicaIdentity,
  state: HeartbeatState,
): Promise<void> {
  await sql(
    `INSERT INTO replicas (id, host, pid, version, started_at, last_seen, route_table_revision, requests_served,
       breakers)
     VALUES ($1, $2, $3, $4, $5, now(), $6, $7, $8::jsonb)
     ON CONFLICT (id) DO UPDATE SET last_seen = now(), route_table_revision = EXCLUDED.route_table_revision,
       requests_served = EXCLUDED.requests_served, breakers = EXCLUDED.breakers`,
    [
      replica.id,
      replica.host,
      replica.pid,
      replica.version,
      replica.startedAt,
      state.revision,
      state.requestsServed,
      JSON.stringify(state.breakers),
    ],
  );
}
