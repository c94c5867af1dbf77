import { Logger } from '@nestjs/common';
import type { InstanceSecretCodec } from '@switchboard/routes/persistence/instance-secret.codec';
import { SecretsCipher } from './secrets-cipher';
import { unreadableSecretCounter } from './secrets.metrics';

/** The routes persistence's codec over a SecretsCipher: seals on write, opens on read, counts what it cannot open. */
export function cipherCodec(cipher: SecretsCipher): InstanceSecretCodec {
  const logger = new Logger('Secrets');
  return {
    seal: (plain) => cipher.seal(plain),
    open: (stored, where) => {
      // A value written before encryption (the migration seals those) is still the secret itself.
      if (!SecretsCipher.isSealed(stored)) return stored;
      const plain = cipher.open(stored);
      if (plain === undefined) {
        unreadableSecretCounter().inc();
        logger.error(
          `Cannot decrypt ${where}: no configured SECRETS_KEY or SECRETS_KEY_PREVIOUS opens it; the instance is left out of balancing until its secret is re-entered`,
        );
      }
      return plain;
    },
    readable: (stored) => !SecretsCipher.isSealed(stored) || cipher.hasKeyFor(stored),
  };
}
