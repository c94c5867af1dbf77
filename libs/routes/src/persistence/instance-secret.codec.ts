/**
 * How values under an instance's `auth` are stored. The process wiring passes an AES-256-GCM codec
 * (@switchboard/keys secrets); PLAIN_SECRET_CODEC is only for tools and tests that read rows as they are.
 */
export interface InstanceSecretCodec {
  seal(plain: string): string;
  /** The plain value, or undefined when it cannot be decrypted (`where` names it for the log, never its value). */
  open(stored: string, where: string): string | undefined;
}

export const PLAIN_SECRET_CODEC: InstanceSecretCodec = {
  seal: (plain) => plain,
  open: (stored) => stored,
};

/** Set in an instance's extras when a stored secret cannot be decrypted: shown by GET, skipped by balancing. */
export const SECRET_UNREADABLE = 'secret_unreadable';

/** Injection token of the process's codec (provided by the global CoreModule). */
export const INSTANCE_SECRET_CODEC = Symbol('INSTANCE_SECRET_CODEC');
