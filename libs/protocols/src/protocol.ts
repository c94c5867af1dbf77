/** The client-facing and upstream-facing wire protocols Switchboard speaks. */
export const PROTOCOLS = ['openai-chat', 'anthropic-messages', 'openai-responses'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export function isProtocol(value: unknown): value is Protocol {
  return typeof value === 'string' && (PROTOCOLS as readonly string[]).includes(value);
}
