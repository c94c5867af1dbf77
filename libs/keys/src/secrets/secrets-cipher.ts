import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

interface KeyEntry {
  id: string;
  key: Buffer;
}

/** The id stored beside each value: the first 8 hex characters of SHA-256(key), so it reveals nothing. */
export function secretsKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/**
 * AES-256-GCM for secrets at rest. A sealed value is `enc:v1:<key id>:<nonce>:<ciphertext+tag>` (base64url),
 * a fresh random 96-bit nonce each time. Seals with the current key; opens with whichever configured key
 * (current or previous) has the stored id. `open` returns undefined when no key can: never throws.
 */
export class SecretsCipher {
  private readonly current: KeyEntry;
  private readonly byId: Map<string, Buffer>;

  constructor(current: Buffer, previous: Buffer[] = []) {
    this.current = { id: secretsKeyId(current), key: current };
    this.byId = new Map([...previous, current].map((key) => [secretsKeyId(key), key]));
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  static isSealed(value: string): boolean {
    return value.startsWith(PREFIX);
  }

  seal(plain: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, nonce);
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${PREFIX}${this.current.id}:${nonce.toString('base64url')}:${sealed.toString('base64url')}`;
  }

  open(value: string): string | undefined {
    if (!SecretsCipher.isSealed(value)) return undefined;
    const [id, nonce, sealed] = value.slice(PREFIX.length).split(':');
    const key = this.byId.get(id);
    if (key === undefined || nonce === undefined || sealed === undefined) return undefined;
    try {
      const bytes = Buffer.from(sealed, 'base64url');
      if (bytes.length < TAG_BYTES) return undefined;
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return undefined;
    }
  }

  /** True when `value` is sealed under a configured key (current or previous); decrypts nothing. */
  hasKeyFor(value: string): boolean {
    return SecretsCipher.isSealed(value) && this.byId.has(value.slice(PREFIX.length).split(':', 1)[0]);
  }

  /** True when `value` is sealed under the current key (secrets:rotate skips those). */
  isCurrent(value: string): boolean {
    return value.startsWith(`${PREFIX}${this.current.id}:`);
  }
}
