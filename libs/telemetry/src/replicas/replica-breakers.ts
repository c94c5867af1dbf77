import type { CircuitState, PublishedBreaker } from '@switchboard/proxy';
import type { SqlRunner } from '../sql';

/** One instance's breaker as one replica last published it. */
export interface ReplicaInstanceHealth {
  name: string;
  state: CircuitState;
  consecutive_failures: number;
  open_until: string | null;
  opened_at: string | null;
}

/** A serving replica's view of one route's instances, from its latest heartbeat. */
export interface ReplicaBreakerView {
  id: string;
  host: string;
  pid: number;
  last_seen: string;
  /** No heartbeat for three intervals: the process is probably gone and its view outdated. */
  stale: boolean;
  instances: ReplicaInstanceHealth[];
}

interface ReplicaBreakerRow {
  id: string;
  host: string;
  pid: number;
  last_seen: Date;
  stale: boolean;
  route: Record<string, PublishedBreaker> | null;
}

const CLOSED = { state: 'closed', consecutive_failures: 0, open_until: null, opened_at: null } as const;

/**
 * Every serving replica's view of the named instances of `routeId`, from the breakers each publishes with its
 * heartbeat (instances it never saw fail read closed). An open breaker whose cooldown has passed since reads
 * half-open, as it would on that replica.
 */
export async function replicaBreakerViews(
  sql: SqlRunner,
  routeId: string,
  instanceNames: readonly string[],
  staleAfterMs: number,
  now = Date.now(),
): Promise<ReplicaBreakerView[]> {
  const rows = (await sql(
    `SELECT id, host, pid, last_seen, last_seen < now() - make_interval(secs => $2) AS stale,
       breakers -> $1 AS route
     FROM replicas ORDER BY started_at, id`,
    [routeId, staleAfterMs / 1000],
  )) as ReplicaBreakerRow[];
  return rows.map((row) => ({
    id: row.id,
    host: row.host,
    pid: row.pid,
    last_seen: new Date(row.last_seen).toISOString(),
    stale: row.stale,
    instances: instanceNames.map((name) => instanceView(name, row.route?.[name], now)),
  }));
}

function instanceView(
  name: string,
  published: PublishedBreaker | undefined,
  now: number,
): ReplicaInstanceHealth {
  if (published === undefined) return { name, ...CLOSED };
  const cooledDown =
    published.state === 'open' && published.open_until !== null && Date.parse(published.open_until) <= now;
  return {
    name,
    state: cooledDown ? 'half_open' : published.state,
    consecutive_failures: published.consecutive_failures,
    open_until: published.open_until,
    opened_at: published.opened_at,
  };
}
