/**
 * Tool names must match `^[a-zA-Z0-9_-]{1,64}$` on every side Switchboard talks to (OpenAI allows 64, Anthropic 128;
 * MCP tools easily exceed 64). Longer or invalid names are shortened deterministically: the first 55 safe
 * characters, `_`, then 8 hex digits of a hash of the original name. The mapping goes into the conversion memo so
 * responses and streams restore the client's original name.
 */

export const MAX_TOOL_NAME_LENGTH = 64;
const VALID_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const INVALID_CHARS = /[^a-zA-Z0-9_-]/g;

/** FNV-1a, 32 bit: tiny, deterministic, no crypto import needed for a name suffix. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export function safeToolName(name: string): string {
  if (VALID_NAME.test(name)) return name;
  const cleaned = name.replace(INVALID_CHARS, '_');
  if (cleaned.length <= MAX_TOOL_NAME_LENGTH && cleaned.length > 0 && cleaned === name) return cleaned;
  return `${cleaned.slice(0, 55)}_${fnv1a(name)}`;
}

/** Collects original names whose upstream name differs; `restore` maps an upstream name back. */
export class ToolNameMap {
  private readonly toUpstream = new Map<string, string>();
  private readonly toClient: Record<string, string> = {};

  upstreamName(clientName: string): string {
    const known = this.toUpstream.get(clientName);
    if (known !== undefined) return known;
    const upstream = safeToolName(clientName);
    this.toUpstream.set(clientName, upstream);
    if (upstream !== clientName) this.toClient[upstream] = clientName;
    return upstream;
  }

  /** Upstream name → client name, for the memo (only the renamed ones). */
  restoreTable(): Record<string, string> {
    return this.toClient;
  }
}

export function restoreToolName(table: Readonly<Record<string, string>> | undefined, name: string): string {
  return (table && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined) ?? name;
}
