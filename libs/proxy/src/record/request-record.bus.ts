import { Subject, type Observable } from 'rxjs';
import type { RequestRecord } from './request-record';

/**
 * In-process stream of request records, one per finished data-plane request. The data plane checks `observed`
 * before building a record, so with no subscriber nothing is built.
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
