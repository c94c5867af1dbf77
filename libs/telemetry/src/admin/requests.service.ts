import { Inject, Injectable } from '@nestjs/common';
import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { DataSource } from 'typeorm';
import { QueryReader } from './query-params';
import { toRequestView, type RequestLogRow } from './request-view';
import type { RequestView } from './request-view.types';

export interface RequestList {
  items: RequestView[];
  total: number;
  page: number;
  page_size: number;
}

const SELECT = `SELECT request_id, started_at, duration_ms, ttfb_ms, client_protocol, endpoint, stream, model,
  route_id, route, instance, upstream_model, status, error_code, error_message, attempts, input_tokens,
  output_tokens, cache_read_tokens, cache_creation_tokens, reasoning_tokens, key_id, key_name, cost_usd,
  dropped_tools
  FROM request_log`;

/** GET /admin/requests and /admin/requests/:request_id over `request_log`. */
@Injectable()
export class RequestsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(query: Record<string, unknown>): Promise<RequestList> {
    const reader = new QueryReader(query);
    const page = reader.int('page', 1, Number.MAX_SAFE_INTEGER, 1);
    const pageSize = reader.int('page_size', 1, 100, 20);
    const where: string[] = [];
    const parameters: unknown[] = [];
    const add = (condition: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      where.push(condition(`$${parameters.length}`));
    };
    for (const column of ['route', 'instance', 'model', 'request_id'] as const) {
      const value = reader.text(column);
      if (value !== undefined) add((p) => `${column} = ${p}`, value);
    }
    const key = reader.text('key');
    if (key !== undefined) add((p) => `(key_name = ${p} OR key_id = ${p})`, key);
    const status = reader.text('status', 3);
    if (status !== undefined) {
      if (/^[1-5]\d\d$/.test(status)) add((p) => `status = ${p}`, Number(status));
      else if (/^[1-5]xx$/i.test(status)) {
        const low = Number(status[0]) * 100;
        add((p) => `status >= ${p}`, low);
        add((p) => `status < ${p}`, low + 100);
      } else reader.fail('status', 'status must be a code such as 429 or a class such as 5xx');
    }
    const since = reader.time('since');
    if (since !== undefined) add((p) => `started_at >= ${p}`, since);
    const until = reader.time('until');
    if (until !== undefined) add((p) => `started_at < ${p}`, until);
    reader.done();

    const filter = where.length === 0 ? '' : ` WHERE ${where.join(' AND ')}`;
    const [rows, counted] = await Promise.all([
      this.dataSource.query(
        `${SELECT}${filter} ORDER BY started_at DESC, id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        parameters,
      ) as Promise<RequestLogRow[]>,
      this.dataSource.query(
        `SELECT count(*)::bigint AS total FROM request_log${filter}`,
        parameters,
      ) as Promise<{ total: string }[]>,
    ]);
    return {
      items: rows.map((row) => toRequestView(row, false)),
      total: Number(counted[0].total),
      page,
      page_size: pageSize,
    };
  }

  async get(requestId: string): Promise<RequestView> {
    const rows = (await this.dataSource.query(
      `${SELECT} WHERE request_id = $1 ORDER BY started_at DESC, id DESC LIMIT 1`,
      [requestId],
    )) as RequestLogRow[];
    if (rows.length === 0) {
      throw new GatewayError(GatewayErrorCode.NOT_FOUND, `no request "${requestId}" in the request log`);
    }
    return toRequestView(rows[0], true);
  }
}
