import { createHash } from 'node:crypto';
import { generateConsumerKey, hashConsumerKey } from './consumer-key.secret';

describe('consumer key material', () => {
  it('generates sk-sb- + 40 base62 characters, its SHA-256 and a display prefix', () => {
    const generated = generateConsumerKey();
    expect(generated.key).toMatch(/^sk-sb-[0-9A-Za-z]{40}$/);
    expect(generated.hash).toBe(createHash('sha256').update(generated.key).digest('hex'));
    expect(generated.key.startsWith(generated.prefix)).toBe(true);
    expect(generated.prefix).toHaveLength(12);
    expect(hashConsumerKey(generated.key)).toBe(generated.hash);
  });

  it('draws every base62 character (uniform source, no fixed positions)', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 200; index++)
      for (const char of generateConsumerKey().key.slice(6)) seen.add(char);
    expect(seen.size).toBe(62);
  });
});
