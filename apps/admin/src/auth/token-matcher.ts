import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares presented tokens to the admin token in constant time (hashes first, so lengths leak nothing). */
export class TokenMatcher {
  private readonly expected: Buffer;

  constructor(token: string) {
    this.expected = digest(token);
  }

  matches(candidate: string | undefined): boolean {
    if (candidate === undefined) return false;
    return timingSafeEqual(this.expected, digest(candidate));
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
