import type { ResponsesErrorBody } from '@switchboard/protocols';
import { itemNotFoundBody, previousResponseNotFoundBody } from '@switchboard/protocols';

/** A stored-response lookup that failed: answered 404 in OpenAI's shape (responses-spec §5.1). */
export class ResponsesStoreError extends Error {
  constructor(
    readonly status: number,
    readonly body: ResponsesErrorBody,
  ) {
    super(body.error.message);
    this.name = 'ResponsesStoreError';
  }

  static previousResponseNotFound(id: string): ResponsesStoreError {
    return new ResponsesStoreError(404, previousResponseNotFoundBody(id));
  }

  static itemNotFound(id: string): ResponsesStoreError {
    return new ResponsesStoreError(404, itemNotFoundBody(id));
  }
}
