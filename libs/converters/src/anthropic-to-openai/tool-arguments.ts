import { isJsonObject, tryParseJson } from '@switchboard/protocols';
import { repairTruncatedJson } from '../shared/tool-arguments';

/** Key under which unparseable tool-call arguments are kept (documented in docs/conversion-matrix.md). */
export const RAW_ARGUMENTS_KEY = '_raw_arguments';
/** Key wrapping valid JSON arguments that are not an object (`[1,2]`, `"x"`). */
export const NON_OBJECT_ARGUMENTS_KEY = 'value';

/**
 * OpenAI `arguments` (a JSON string, possibly empty, truncated or not an object) → Anthropic `tool_use.input`,
 * which must be an object. Truncated JSON is repaired when closing its strings and brackets is enough; anything
 * else is kept verbatim under `_raw_arguments`. The call is never dropped: its `tool_result` will come back.
 */
export function toolInputFromArguments(args: unknown): Record<string, unknown> {
  if (isJsonObject(args)) return args;
  if (typeof args !== 'string' || args.trim().length === 0) return {};
  const parsed = tryParseJson(args);
  if (isJsonObject(parsed)) return parsed;
  if (parsed !== undefined) return { [NON_OBJECT_ARGUMENTS_KEY]: parsed };
  const repaired = tryParseJson(repairTruncatedJson(args));
  return isJsonObject(repaired) ? repaired : { [RAW_ARGUMENTS_KEY]: args };
}
