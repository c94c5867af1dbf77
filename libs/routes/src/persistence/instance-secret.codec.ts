/**
 * How values under an instance's `auth` are stored. The process wiring passes an AES-256-GCM codec
 * (@switchboard/keys secrets); PLAIN_SECRET_CODEC is only for tools and tests that read rows as they are.
 */
export interface InstanceSecretCodec {
  seal(plain: string): string;
  /** The plain value, or undefined when it cannot be decrypted (`where` names it for the log, never its value). */
  open(stored: string, where: string): string | undefined;
  /** Whether `open` would succeed, judged without decrypting (by the key a value names); optional. */
  readable?(stored: string): boolean;
}

export const PLAIN_SECRET_CODEC: InstanceSecretCodec = {
  seal: (plain) => plain,
  open: (stored) => stored,
};

/** Set in an instance's extras when a stored secret cannot be decrypted: shown by GET, skipped by balancing. */
export const SECRET_UNREADABLE = 'secret_unreadable';

/** Injection token of the process's codec (provided by the global CoreModule). */
export const INSTANCE_SECRET_CODEC = Symbol('INSTANCE_SECRET_CODEC');

/**
 * For answers that show every secret as "******" (the admin list), so decrypting is wasted work: a value the
 * codec judges readable opens as '' without decrypting; any other value is opened as usual (and so flagged).
 */
export function redactedViewCodec(codec: InstanceSecretCodec): InstanceSecretCodec {
  const readable = codec.readable;
  if (readable === undefined) return codec;
  return {
    seal: (plain) => codec.seal(plain),
    open: (stored, where) => (readable.call(codec, stored) ? '' : codec.open(stored, where)),
  };
}
