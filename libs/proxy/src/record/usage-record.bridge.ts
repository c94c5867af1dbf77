import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { KeyIdentity } from '@switchboard/keys';
import type { Subscription } from 'rxjs';
import type { UsageRecord } from '../usage/usage-record';
import type { UsageStream } from '../usage/usage.stream';
import type { RequestRecord } from './request-record';
import type { RequestRecordBus } from './request-record.bus';

/**
 * HOOK (keys branch, until the restructured data plane publishes RequestRecords itself): turns each
 * UsageRecord into a RequestRecord carrying the consumer key the handler admitted for that request id.
 */
export class UsageRecordBridge implements OnModuleInit, OnModuleDestroy {
  /** Request id → admitted key, set by the handler for the exchange's duration. */
  readonly keysByRequest = new Map<string, KeyIdentity>();
  private subscription: Subscription | undefined;

  constructor(
    private readonly usage: UsageStream,
    private readonly bus: RequestRecordBus,
  ) {}

  onModuleInit(): void {
    this.subscription = this.usage.records$.subscribe((record) => {
      if (this.bus.observed) this.bus.publish(this.toRequestRecord(record));
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private toRequestRecord(record: UsageRecord): RequestRecord {
    const usage =
      record.input_tokens === null && record.output_tokens === null
        ? null
        : {
            input: record.input_tokens ?? 0,
            output: record.output_tokens ?? 0,
            cache_read: record.cache_read_input_tokens ?? 0,
            cache_creation: record.cache_creation_input_tokens ?? 0,
            reasoning: 0,
          };
    return {
      request_id: record.request_id,
      started_at: Date.parse(record.started_at),
      client_protocol: record.client_protocol,
      endpoint: record.endpoint,
      stream: record.stream,
      model: record.model,
      route_id: record.route_id,
      route: record.route,
      instance: record.instance,
      upstream_model: null,
      attempts: [],
      status: record.status,
      error: record.error
        ? { code: record.status >= 400 ? 'REFUSED' : 'UPSTREAM_STREAM_CUT', message: record.error }
        : null,
      usage,
      duration_ms: record.latency_ms,
      ttfb_ms: record.ttft_ms,
      key: this.keysByRequest.get(record.request_id) ?? null,
      cost_usd: null,
    };
  }
}
