import { Subject, type Observable } from 'rxjs';
import type { RequestRecord } from './request-record';

/**
 * In-process stream of RequestRecords, one per finished data-plane request. Publishing costs nothing when no
 * one listens: check `observed` before building a record.
 */
export class RequestRecordBus {
  private readonly subject = new Subject<RequestRecord>();
  readonly records$: Observable<RequestRecord> = this.subject.asObservable();

  get observed(): boolean {
    return this.subject.observed;
  }

  publish(record: RequestRecord): void {
    this.subject.next(record);
  }
}
