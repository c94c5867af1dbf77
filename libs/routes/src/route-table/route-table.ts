import { Injectable } from '@nestjs/common';
import type { RouteConfig } from '../route.types';

/** In-memory route table read by the data plane on every request. (Stub: filled in by the routes work.) */
@Injectable()
export class RouteTable {
  private routesById = new Map<string, RouteConfig>();
  private ready = false;

  isReady(): boolean {
    return this.ready;
  }

  /** The enabled route serving `model` (exact first, then the most specific glob), or undefined. */
  match(model: string): RouteConfig | undefined {
    void model;
    return undefined;
  }

  get(id: string): RouteConfig | undefined {
    return this.routesById.get(id);
  }

  /** Exact (non-glob) model names of enabled routes, sorted, for GET /v1/models. */
  exactModels(): string[] {
    return [];
  }
}
