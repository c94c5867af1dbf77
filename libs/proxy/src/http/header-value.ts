const SAFE_HEADER_VALUE = /^[\x20-\x7e]*$/;

/** A value that can go in a response header as is (names with non-ASCII characters are percent-encoded). */
export function headerSafe(value: string): string {
  return SAFE_HEADER_VALUE.test(value) ? value : encodeURIComponent(value);
}

const REQUEST_ID = /^[\x21-\x7e]{1,200}$/;

/** The client's x-request-id when it is a sane token, else undefined. */
export function acceptableRequestId(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && REQUEST_ID.test(value) ? value : undefined;
}
