import { Subject, type Observable } from 'rxjs';
import type { UsageRecord } from './usage-record';

/** In-process stream of usage records, one per finished data-plane request (the ops work persists them). */
export class UsageStream {
  private readonly subject = new Subject<UsageRecord>();
  readonly records$: Observable<UsageRecord> = this.subject.asObservable();

  get observed(): boolean {
    return this.subject.observed;
  }

  publish(record: UsageRecord): void {
    this.subject.next(record);
  }
}
