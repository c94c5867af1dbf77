import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { ROUTES_NOTIFY_CHANNEL } from '../persistence/route.repository';

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;

/**
 * A dedicated connection LISTENing on `switchboard_routes` (outside the pool: it is held forever). Reconnects
 * with exponential backoff; after every (re)connect it calls `onConnected` so the caller re-checks for changes
 * it may have missed while disconnected. Never throws.
 */
export class RouteChangeListener {
  private readonly logger = new Logger('RouteChangeListener');
  private client: Client | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private backoffMs = MIN_BACKOFF_MS;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly connectionString: string,
    private readonly onNotify: (payload: string | undefined) => void,
    private readonly onConnected: () => void,
  ) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString, keepAlive: true });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel === ROUTES_NOTIFY_CHANNEL) this.onNotify(message.payload);
    });
    client.on('error', (error) => this.retry(client, error));
    client.on('end', () => this.retry(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${ROUTES_NOTIFY_CHANNEL}`);
      if (this.stopped || this.client !== client) return;
      if (this.failing) this.logger.log('Listening for route changes again');
      this.failing = false;
      this.backoffMs = MIN_BACKOFF_MS;
      this.onConnected();
    } catch (error) {
      this.retry(client, error);
    }
  }

  private retry(client: Client, error: unknown): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners('end');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (!this.failing) {
      this.logger.warn(
        `Route change listener lost its connection (${(error as Error).message}); retrying, periodic checks continue`,
      );
    }
    this.failing = true;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref();
  }
}
