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

/**
 * The other way round: an OpenAI reasoning item reaching an Anthropic Messages client rides in the thinking block's
 * `signature` (or a `redacted_thinking` block's `data`), so the client sends it back and the next request can
 * replay the item with its `encrypted_content` (responses-spec §9.3). Its own prefix: a real Anthropic signature is
 * never mistaken for one, and never sent to OpenAI.
 */
const REASONING_ITEM_PREFIX = 'swbr1:';

export interface ReasoningItemCarrier {
  /** The upstream's `rs_…` item id (replayed with the item; Codex does the same under `store: false`). */
  id?: string;
  encrypted_content: string;
}

export function encodeReasoningItemCarrier(carrier: ReasoningItemCarrier): string {
  const payload = carrier.id
    ? { id: carrier.id, e: carrier.encrypted_content }
    : { e: carrier.encrypted_content };
  return REASONING_ITEM_PREFIX + Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** The carried reasoning item, or undefined for anything that is not a valid Switchboard reasoning carrier. */
export function decodeReasoningItemCarrier(value: unknown): ReasoningItemCarrier | undefined {
  if (typeof value !== 'string' || !value.startsWith(REASONING_ITEM_PREFIX)) return undefined;
  try {
    const parsed = JSON.parse(
      Buffer.from(value.slice(REASONING_ITEM_PREFIX.length), 'base64url').toString('utf8'),
    ) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { id, e } = parsed as { id?: unknown; e?: unknown };
    if (typeof e !== 'string' || e.length === 0) return undefined;
    return typeof id === 'string' && id.length > 0 ? { id, encrypted_content: e } : { encrypted_content: e };
  } catch {
    return undefined;
  }
}
