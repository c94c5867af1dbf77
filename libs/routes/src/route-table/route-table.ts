import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Subject, type Observable, type Subscription } from 'rxjs';
import { RouteMatcher } from '../matching/route-matcher';
import type { RouteRepository } from '../persistence/route.repository';
import type { RouteChange, RouteChangeBus } from '../route-change.bus';
import type { RouteConfig } from '../route.types';
import { RouteChangeListener } from './route-change.listener';

export interface RouteTableOptions {
  /** Period of the revision check (other processes' writes); 0 disables it. */
  refreshIntervalMs: number;
  /** Set to LISTEN for `switchboard_routes` notifications on a dedicated connection (not on the embedded DB). */
  listenUrl?: string;
}

const INITIAL_RETRY_MS = 1000;

/**
 * The in-memory route table the data plane reads on every request (match/get are Map lookups, no I/O).
 * Loads all routes at start; applies in-process admin writes synchronously from the RouteChangeBus; notices
 * other processes' writes via LISTEN/NOTIFY and a periodic revision check, then reloads. When the database is
 * unreachable it keeps serving the last table it loaded; nothing here ever throws to a caller.
 */
export class RouteTable implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RouteTable');
  private routesById = new Map<string, RouteConfig>();
  private matcher = new RouteMatcher([]);
  private revision = -1;
  private ready = false;
  private readonly updates = new Subject<void>();
  /** Emits after every applied change (load, reload or in-process write). */
  readonly updated$: Observable<void> = this.updates.asObservable();

  private busSubscription: Subscription | undefined;
  private listener: RouteChangeListener | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private loading: Promise<void> | undefined;
  private reloadAgain = false;
  private unreachable = false;
  private stopped = false;

  constructor(
    private readonly repository: RouteRepository,
    private readonly bus: RouteChangeBus,
    private readonly options: RouteTableOptions,
  ) {}

  isReady(): boolean {
    return this.ready;
  }

  /** The enabled route serving `model`: exact name first, then the most specific glob; undefined if none. */
  match(model: string): RouteConfig | undefined {
    return this.matcher.match(model);
  }

  /** Any route by id, enabled or not. */
  get(id: string): RouteConfig | undefined {
    return this.routesById.get(id);
  }

  /** Exact (non-glob) model names of enabled routes, sorted, for GET /v1/models. Shared: do not mutate. */
  exactModels(): string[] {
    return this.matcher.exactModels as string[];
  }

  /** Every route, enabled or not. */
  all(): RouteConfig[] {
    return [...this.routesById.values()];
  }

  /** route_table_revision of the loaded table (-1 before the first load). */
  currentRevision(): number {
    return this.revision;
  }

  async onModuleInit(): Promise<void> {
    await this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Subscribes, loads once (a failure leaves it not ready and retries in the background), starts watching. */
  async start(): Promise<void> {
    this.stopped = false;
    this.busSubscription ??= this.bus.changes$.subscribe((change) => this.applyChange(change));
    await this.reload();
    if (!this.ready) this.scheduleInitialRetry(INITIAL_RETRY_MS);
    if (this.options.listenUrl && !this.listener) {
      this.listener = new RouteChangeListener(
        this.options.listenUrl,
        (payload) => this.onNotify(payload),
        () => void this.check(),
      );
      this.listener.start();
    }
    if (this.options.refreshIntervalMs > 0 && !this.refreshTimer) {
      this.refreshTimer = setInterval(() => void this.check(), this.options.refreshIntervalMs);
      this.refreshTimer.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.busSubscription?.unsubscribe();
    this.busSubscription = undefined;
    clearInterval(this.refreshTimer);
    clearTimeout(this.retryTimer);
    this.refreshTimer = undefined;
    await this.listener?.stop();
    this.listener = undefined;
    await this.loading?.catch(() => undefined);
  }

  /** Reloads when the stored revision differs from the loaded one. Never throws. */
  async check(): Promise<void> {
    if (this.stopped || this.loading) return;
    try {
      const revision = await this.repository.currentRevision();
      this.reachable();
      if (revision !== this.revision || !this.ready) await this.reload();
    } catch (error) {
      this.unreachableNow(error);
    }
  }

  /** Loads the whole table (coalescing concurrent calls). Never throws. */
  reload(): Promise<void> {
    if (this.loading) {
      this.reloadAgain = true;
      return this.loading;
    }
    this.loading = this.loadLoop().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async loadLoop(): Promise<void> {
    do {
      this.reloadAgain = false;
      try {
        const snapshot = await this.repository.loadSnapshot();
        this.reachable();
        // An in-process write applied meanwhile may be newer than this snapshot: keep it.
        if (snapshot.revision < this.revision) continue;
        this.replaceAll(snapshot.routes, snapshot.revision);
      } catch (error) {
        this.unreachableNow(error);
        return;
      }
    } while (this.reloadAgain && !this.stopped);
  }

  private applyChange(change: RouteChange): void {
    if (change.route) {
      this.routesById.set(change.route.id, change.route);
    } else if (change.deleted && change.id !== null) {
      this.routesById.delete(change.id);
    } else {
      void this.reload();
      return;
    }
    this.matcher = new RouteMatcher(this.routesById.values());
    if (change.revision !== undefined && change.revision === this.revision + 1)
      this.revision = change.revision;
    else void this.check();
    this.updates.next();
  }

  private onNotify(payload: string | undefined): void {
    const revision = Number(payload);
    if (Number.isFinite(revision) && revision <= this.revision && this.ready) return;
    void this.reload();
  }

  private replaceAll(routes: RouteConfig[], revision: number): void {
    this.routesById = new Map(routes.map((route) => [route.id, route]));
    this.matcher = new RouteMatcher(routes);
    this.revision = revision;
    if (!this.ready) this.logger.log(`Route table loaded: ${routes.length} route(s)`);
    this.ready = true;
    this.updates.next();
  }

  private scheduleInitialRetry(delayMs: number): void {
    this.retryTimer = setTimeout(async () => {
      if (this.stopped || this.ready) return;
      await this.reload();
      if (!this.ready) this.scheduleInitialRetry(Math.min(delayMs * 2, 30_000));
    }, delayMs);
    this.retryTimer.unref();
  }

  private reachable(): void {
    if (this.unreachable) this.logger.log('Route store reachable again');
    this.unreachable = false;
  }

  private unreachableNow(error: unknown): void {
    if (!this.unreachable) {
      this.logger.warn(
        `Cannot read routes (${(error as Error).message}); serving the last loaded table (${this.routesById.size} route(s))`,
      );
    }
    this.unreachable = true;
  }
}
