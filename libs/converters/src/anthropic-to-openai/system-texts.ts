import { isJsonObject } from '@switchboard/protocols';
import { isBlank } from './content.mapper';
import { invalidRequest } from './request-error';

/**
 * Claude Code puts `x-anthropic-billing-header: …; cch=<per-request value>` in its system prompt. The line means
 * nothing to an OpenAI model, and its changing value would defeat the upstream's prompt caching: it is removed.
 */
const BILLING_HEADER_LINE = /^[ \t]*x-anthropic-billing-header:[^\n]*(\n|$)/gim;

function withoutBillingHeader(text: string): string {
  return text.includes('x-anthropic-billing-header') ? text.replace(BILLING_HEADER_LINE, '') : text;
}

/** Anthropic `system` (string or text blocks) → its non-blank texts. */
export function systemTexts(system: unknown, path: string): string[] {
  if (system === undefined || system === null) return [];
  if (typeof system === 'string') return isBlank(system) ? [] : [withoutBillingHeader(system)];
  if (!Array.isArray(system)) throw invalidRequest(path, 'must be a string or an array of text blocks');
  return system
    .map((block, i) => {
      if (!isJsonObject(block) || block.type !== 'text' || typeof block.text !== 'string') {
        throw invalidRequest(`${path}.${i}`, 'system blocks must be text blocks');
      }
      return withoutBillingHeader(block.text);
    })
    .filter((t) => !isBlank(t));
}
