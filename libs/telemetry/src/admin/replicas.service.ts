import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@switchboard/config';
import { DataSource } from 'typeorm';
import { STALE_AFTER_HEARTBEATS } from '../replicas/replica-heartbeat';

export interface ReplicaView {
  id: string;
  host: string;
  pid: number;
  version: string;
  started_at: string;
  last_seen: string;
  route_table_revision: number;
  requests_served: number;
  /** No heartbeat for three intervals: the process is probably gone. */
  stale: boolean;
}

/** GET /admin/replicas: the heartbeat rows of every serving process. */
@Injectable()
export class ReplicasService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async list(): Promise<{ items: ReplicaView[] }> {
    const rows = (await this.dataSource.query(
      `SELECT id, host, pid, version, started_at, last_seen, route_table_revision, requests_served,
         last_seen < now() - make_interval(secs => $1) AS stale
       FROM replicas ORDER BY started_at, id`,
      [(STALE_AFTER_HEARTBEATS * this.config.telemetryFlushIntervalMs) / 1000],
    )) as {
      id: string;
      host: string;
      pid: number;
      version: string;
      started_at: Date;
      last_seen: Date;
      route_table_revision: string;
      requests_served: string;
      stale: boolean;
    }[];
    return {
      items: rows.map((row) => ({
        id: row.id,
        host: row.host,
        pid: row.pid,
        version: row.version,
        started_at: new Date(row.started_at).toISOString(),
        last_seen: new Date(row.last_seen).toISOString(),
        route_table_revision: Number(row.route_table_revision),
        requests_served: Number(row.requests_served),
        stale: row.stale,
      })),
    };
  }
}
