import { createHash, randomInt } from 'node:crypto';

export const CONSUMER_KEY_PREFIX = 'sk-sb-';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 40 base62 characters ≈ 238 random bits. */
const RANDOM_LENGTH = 40;
/** Shown in listings so an operator can tell keys apart: `sk-sb-` and the first 6 random characters. */
const DISPLAY_PREFIX_LENGTH = CONSUMER_KEY_PREFIX.length + 6;

export interface GeneratedKey {
  key: string;
  hash: string;
  prefix: string;
}

/** A new consumer key: `sk-sb-` + 40 characters drawn uniformly from base62 by the CSPRNG (no modulo bias). */
export function generateConsumerKey(): GeneratedKey {
  let random = '';
  for (let index = 0; index < RANDOM_LENGTH; index++) random += BASE62[randomInt(BASE62.length)];
  const key = `${CONSUMER_KEY_PREFIX}${random}`;
  return { key, hash: hashConsumerKey(key), prefix: key.slice(0, DISPLAY_PREFIX_LENGTH) };
}

/**
 * Plain SHA-256, hex. A key carries ~238 random bits, so a fast unsalted hash cannot be reversed by guessing,
 * and no server secret is needed: every replica and every restart computes the same hash with nothing more
 * to share, lose or rotate (an HMAC secret would only protect low-entropy values, which these are not).
 */
export function hashConsumerKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
