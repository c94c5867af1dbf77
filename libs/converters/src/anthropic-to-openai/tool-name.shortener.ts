/**
 * OpenAI function names must be at most 64 characters; Anthropic allows 128 (MCP names such as
 * `mcp__server__tool` often exceed 64). Long names are cut to 55 characters + `_` + 8 hex digits of a hash of
 * the full name, and restored from the memo on the way back.
 */
export const OPENAI_TOOL_NAME_MAX = 64;
const KEPT_PREFIX = 55;

/** FNV-1a 32-bit: deterministic and dependency-free; collisions between two long names in one request are
 * detected by the caller (the map would map one short name to two originals). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function shortenToolName(name: string): string {
  if (name.length <= OPENAI_TOOL_NAME_MAX) return name;
  return `${name.slice(0, KEPT_PREFIX)}_${fnv1a(name)}`;
}

/** Collects the short → original map for one request. */
export class ToolNameMap {
  readonly restore: Record<string, string> = {};

  shorten(name: string): string {
    const short = shortenToolName(name);
    if (short !== name) this.restore[short] = name;
    return short;
  }
}

export function restoreToolName(name: string, restore: Readonly<Record<string, string>>): string {
  return Object.prototype.hasOwnProperty.call(restore, name) ? (restore[name] as string) : name;
}
