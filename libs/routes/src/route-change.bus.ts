import { Subject, type Observable } from 'rxjs';

/** A route was written. `id` is null when many changed at once (or the change came from another process). */
export interface RouteChange {
  id: string | null;
  version: number | null;
}

/** In-process notification of route writes; one instance per process, shared by the admin and gateway apps. */
export class RouteChangeBus {
  private readonly subject = new Subject<RouteChange>();
  readonly changes$: Observable<RouteChange> = this.subject.asObservable();

  publish(change: RouteChange): void {
    this.subject.next(change);
  }
}
