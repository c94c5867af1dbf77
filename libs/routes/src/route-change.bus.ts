import { Subject, type Observable } from 'rxjs';
import type { RouteConfig } from './route.types';

/**
 * A route was written. `id` is null when many changed at once (or the change came from another process).
 * When the writer knows the outcome it attaches it, so an in-process RouteTable applies it synchronously:
 * `route` is the stored route after a create/replace/patch; `deleted` is true when route `id` was removed.
 */
export interface RouteChange {
  id: string | null;
  version: number | null;
  route?: RouteConfig;
  deleted?: boolean;
  /** route_table_revision the write committed as, when known: lets a table skip reloading its own change. */
  revision?: number;
}

/** In-process notification of route writes; one instance per process, shared by the admin and gateway apps. */
export class RouteChangeBus {
  private readonly subject = new Subject<RouteChange>();
  readonly changes$: Observable<RouteChange> = this.subject.asObservable();

  publish(change: RouteChange): void {
    this.subject.next(change);
  }
}
