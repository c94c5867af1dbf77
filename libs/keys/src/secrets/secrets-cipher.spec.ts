import { randomBytes } from 'node:crypto';
import { SecretsCipher, secretsKeyId } from './secrets-cipher';

describe('SecretsCipher', () => {
  const key = randomBytes(32);
  const cipher = new SecretsCipher(key);

  it('seals with a fresh nonce each time and the key id beside the value', () => {
    const first = cipher.seal('sk-upstream');
    const second = cipher.seal('sk-upstream');
    expect(first).not.toBe(second);
    expect(first).toMatch(new RegExp(`^enc:v1:${secretsKeyId(key)}:`));
    expect(first).not.toContain('sk-upstream');
    expect(cipher.open(first)).toBe('sk-upstream');
    expect(cipher.isCurrent(first)).toBe(true);
  });

  it('opens values of a previous key, and seals under the current one', () => {
    const old = new SecretsCipher(randomBytes(32));
    const sealed = old.seal('value');
    const rotated = new SecretsCipher(randomBytes(32), [old['current'].key]);
    expect(rotated.open(sealed)).toBe('value');
    expect(rotated.isCurrent(sealed)).toBe(false);
  });

  it('tells, without decrypting, whether a configured key (current or previous) sealed a value', () => {
    const old = new SecretsCipher(randomBytes(32));
    const rotated = new SecretsCipher(randomBytes(32), [old['current'].key]);
    expect(rotated.hasKeyFor(old.seal('a'))).toBe(true);
    expect(rotated.hasKeyFor(rotated.seal('b'))).toBe(true);
    expect(rotated.hasKeyFor(new SecretsCipher(randomBytes(32)).seal('c'))).toBe(false);
    expect(rotated.hasKeyFor('plain value')).toBe(false);
  });

  it('returns undefined (never throws) for a wrong key, a tampered value or garbage', () => {
    const sealed = cipher.seal('value');
    expect(new SecretsCipher(randomBytes(32)).open(sealed)).toBeUndefined();
    const parts = sealed.split(':');
    const bytes = Buffer.from(parts[4], 'base64url');
    bytes[0] ^= 1;
    expect(cipher.open([...parts.slice(0, 4), bytes.toString('base64url')].join(':'))).toBeUndefined();
    expect(cipher.open('enc:v1:')).toBeUndefined();
    expect(cipher.open(`enc:v1:${secretsKeyId(key)}:AAAA:AA`)).toBeUndefined();
    expect(cipher.open('plain')).toBeUndefined();
  });
});
