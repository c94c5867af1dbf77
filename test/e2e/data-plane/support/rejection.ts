import { rejectionOf as awaitRejection } from '../../../support/rejection-of';

/** What an official SDK raises for an HTTP error: the status, the parsed body (`error`) and headers. */
export interface SdkApiError {
  status: number | undefined;
  /** openai: the inner `error` object; @anthropic-ai/sdk: the whole body `{type:"error", error:{…}}`. */
  error: Record<string, unknown> | undefined;
  headers: Headers | undefined;
  message: string;
}

/** Awaits a call that must fail and returns what it threw. */
export const rejectionOf = (call: Promise<unknown> | (() => Promise<unknown>)): Promise<SdkApiError> =>
  awaitRejection<SdkApiError>(call);
