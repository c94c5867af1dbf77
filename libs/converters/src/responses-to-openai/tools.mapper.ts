import { isJsonObject, type JsonObject } from '@switchboard/protocols';
import type { OpenAiFunctionTool } from '@switchboard/protocols';
import { safeToolName } from '../shared/tool-names';
import type { CustomToolName, NamespacedName } from './conversion-memo';
import { customFunctionTool } from './custom-tools';
import type { ResponsesClientOptions } from './options';
import { invalidRequest } from '../shared/request-error';

/**
 * Responses `tools` → Chat function tools (responses-spec §2.4). Flat functions keep their name; `namespace` tools
 * are flattened into one function per member named `<namespace>__<name>` (made valid and unique by a pure function
 * of the tool list, so a later turn derives the same names); every other tool type is a built-in the upstream
 * cannot run: dropped and reported, or rejected when the instance says `builtin_tools: "reject"`.
 */

export interface MappedTools {
  tools: OpenAiFunctionTool[];
  /** Upstream name → namespace + member, for flattened members only. */
  namespaced: Record<string, NamespacedName>;
  /** Upstream name → `custom` tool (sent as a function with one string parameter `input`). */
  custom: Record<string, CustomToolName>;
  /** Client `namespace`+`name` (or plain name under namespace '') → upstream name. */
  upstreamNames: Map<string, string>;
  dropped: string[];
}

export const namespacedKey = (namespace: string | undefined, name: string): string =>
  `${namespace ?? ''}\u0000${name}`;

const EMPTY_PARAMETERS = { type: 'object', properties: {} };

function functionTool(
  name: string,
  description: string | undefined,
  parameters: unknown,
  strict: unknown,
): OpenAiFunctionTool {
  const fn: OpenAiFunctionTool['function'] = {
    name,
    parameters: isJsonObject(parameters) ? parameters : EMPTY_PARAMETERS,
  };
  if (description) fn.description = description;
  if (typeof strict === 'boolean') fn.strict = strict;
  return { type: 'function', function: fn };
}

function requireName(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0)
    throw invalidRequest(path, `${path} must be a non-empty string.`);
  return value;
}

export function mapTools(raw: unknown, options: ResponsesClientOptions): MappedTools {
  const out: MappedTools = {
    tools: [],
    namespaced: {},
    custom: {},
    upstreamNames: new Map(),
    dropped: [],
  };
  if (raw === undefined || raw === null) return out;
  if (!Array.isArray(raw)) throw invalidRequest('tools', 'tools must be an array.');
  const taken = new Set<string>();
  const claim = (wanted: string): string => {
    let name = safeToolName(wanted);
    for (let n = 2; taken.has(name); n++) name = safeToolName(`${wanted}_${n}`);
    taken.add(name);
    return name;
  };
  const addCustom = (tool: JsonObject, path: string, namespace?: string): void => {
    const name = requireName(tool.name, `${path}.name`);
    const upstream = claim(namespace === undefined ? name : `${namespace}__${name}`);
    out.custom[upstream] = namespace === undefined ? { name } : { name, namespace };
    out.upstreamNames.set(namespacedKey(namespace, name), upstream);
    out.tools.push(customFunctionTool(upstream, tool));
  };
  // Plain functions and custom tools first so they keep their own names whatever the order of namespaces.
  raw.forEach((tool, i) => {
    if (!isJsonObject(tool)) throw invalidRequest(`tools[${i}]`, `tools[${i}] must be an object.`);
    if (tool.type === 'custom') return addCustom(tool, `tools[${i}]`);
    if (tool.type !== 'function') return;
    const name = requireName(tool.name, `tools[${i}].name`);
    const upstream = claim(name);
    out.upstreamNames.set(namespacedKey(undefined, name), upstream);
    out.tools.push(
      functionTool(upstream, tool.description as string | undefined, tool.parameters, tool.strict),
    );
  });
  raw.forEach((tool, i) => {
    if (!isJsonObject(tool) || tool.type === 'function' || tool.type === 'custom') return;
    if (tool.type === 'namespace') {
      const namespace = requireName(tool.name, `tools[${i}].name`);
      const members = Array.isArray(tool.tools) ? tool.tools : [];
      const groupDescription = typeof tool.description === 'string' ? tool.description : '';
      members.forEach((member, k) => {
        const path = `tools[${i}].tools[${k}]`;
        if (isJsonObject(member) && member.type === 'custom') {
          const description = [groupDescription, member.description].filter(
            (d) => typeof d === 'string' && d,
          );
          return addCustom({ ...member, description: description.join('\n\n') }, path, namespace);
        }
        if (!isJsonObject(member) || member.type !== 'function') {
          out.dropped.push(`${namespace}.${isJsonObject(member) ? String(member.name ?? member.type) : k}`);
          return;
        }
        const name = requireName(member.name, `${path}.name`);
        const upstream = claim(`${namespace}__${name}`);
        const description = [groupDescription, member.description]
          .filter((d) => typeof d === 'string' && d)
          .join('\n\n');
        out.namespaced[upstream] = { namespace, name };
        out.upstreamNames.set(namespacedKey(namespace, name), upstream);
        out.tools.push(functionTool(upstream, description || undefined, member.parameters, member.strict));
      });
      return;
    }
    const label = typeof tool.type === 'string' ? tool.type : 'unknown';
    if (options.builtinTools === 'reject') {
      throw invalidRequest(
        'tools',
        `Tool '${label}' cannot run on this route's upstream (built-in tools are rejected).`,
      );
    }
    out.dropped.push(label);
  });
  return out;
}

/** Upstream name for a client function name (and optional namespace); a unique member name also matches. */
export function upstreamToolName(tools: MappedTools, name: string, namespace?: string): string {
  const direct = tools.upstreamNames.get(namespacedKey(namespace, name));
  if (direct) return direct;
  if (namespace === undefined) {
    const members = [
      ...Object.entries(tools.namespaced),
      ...Object.entries(tools.custom).filter(([, v]) => v.namespace !== undefined),
    ].filter(([, v]) => v.name === name);
    if (members.length === 1) return members[0][0];
  }
  return safeToolName(namespace ? `${namespace}__${name}` : name);
}
