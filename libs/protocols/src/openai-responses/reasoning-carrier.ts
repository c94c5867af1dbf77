/**
 * Anthropic thinking signatures ride to a Responses client in a reasoning item's `encrypted_content`, prefixed so
 * that only Switchboard's own carrier is ever decoded: any other `encrypted_content` is OpenAI's and must not reach
 * Anthropic (responses-spec §8.4, known bug 6).
 */
const PREFIX = 'swb1:';

export type ThinkingCarrier = { signature: string } | { redacted: string };

export function encodeThinkingCarrier(carrier: ThinkingCarrier): string {
  return PREFIX + Buffer.from(JSON.stringify(carrier), 'utf8').toString('base64url');
}

/** The carried signature or redacted data, or undefined for anything that is not a valid Switchboard carrier. */
export function decodeThinkingCarrier(value: unknown): ThinkingCarrier | undefined {
  if (typeof value !== 'string' || !value.startsWith(PREFIX)) return undefined;
  try {
    const parsed = JSON.parse(
      Buffer.from(value.slice(PREFIX.length), 'base64url').toString('utf8'),
    ) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { signature, redacted } = parsed as { signature?: unknown; redacted?: unknown };
    if (typeof signature === 'string' && signature.length > 0) return { signature };
    if (typeof redacted === 'string' && redacted.length > 0) return { redacted };
    return undefined;
  } catch {
    return undefined;
  }
}
