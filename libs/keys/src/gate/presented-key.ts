import type { IncomingHttpHeaders } from 'node:http';

/** The key as each SDK sends it: `Authorization: Bearer <key>` (OpenAI, Open WebUI) or `x-api-key` (Anthropic). */
export function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match) return match[1];
  }
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey.trim() !== '') return apiKey.trim();
  return undefined;
}
