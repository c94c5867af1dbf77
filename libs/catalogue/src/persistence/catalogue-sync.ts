import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Observable, Subscription } from 'rxjs';
import type { CatalogueState } from '../catalogue.state';
import type { ModelOverrideRepository } from './model-override.repository';

/**
 * Keeps one process's catalogue in step with the stored overrides: loads them at start and again whenever the
 * route table applies a change (override writes bump the route table's revision, so every replica's table
 * reloads and this follows). Never throws: on a read failure the last loaded overrides stay in force.
 */
export class CatalogueSync implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CatalogueSync');
  private subscription: Subscription | undefined;
  private loading: Promise<void> | undefined;
  private again = false;
  private failing = false;

  constructor(
    private readonly state: CatalogueState,
    private readonly repository: ModelOverrideRepository,
    private readonly routeTableUpdates: Observable<void>,
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscription = this.routeTableUpdates.subscribe(() => void this.load());
    await this.load();
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Coalesces: a change arriving during a load triggers one more load after it. */
  load(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = this.loadLoop().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async loadLoop(): Promise<void> {
    do {
      this.again = false;
      try {
        this.state.applyOverrides(await this.repository.list());
        if (this.failing) this.logger.log('Model overrides readable again');
        this.failing = false;
      } catch (error) {
        if (!this.failing)
          this.logger.warn(
            `Cannot read model overrides (${(error as Error).message}); keeping the last loaded`,
          );
        this.failing = true;
        return;
      }
    } while (this.again);
  }
}
