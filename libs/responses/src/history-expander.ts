import type { StoredResponseLookup } from './stored-response';
import { withInputItemIds } from './input-item-ids';
import { itemNotFound, previousResponseNotFound } from './responses-store.error';

/**
 * Turns a stateful Responses request into a stateless one (responses-spec §6.2–6.3): the `previous_response_id`
 * chain becomes its items, oldest first (each response's input items then its output items), followed by the new
 * `input`, in which every `item_reference` is replaced by the stored item. Earlier `instructions` are not carried
 * over. The result goes to whichever instance the route picks, so `previous_response_id` is never forwarded.
 */

type Item = Record<string, unknown>;

/** Longest chain followed; a longer one (or a cycle) is answered as not found rather than walked forever. */
export const MAX_CHAIN_LENGTH = 1000;

const isObject = (value: unknown): value is Item =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function inputItemsOf(input: unknown): Item[] {
  if (typeof input === 'string') return [{ type: 'message', role: 'user', content: input }];
  return Array.isArray(input) ? input.filter(isObject) : [];
}

const isReference = (item: Item): boolean =>
  item.type === 'item_reference' ||
  (item.type === undefined && item.role === undefined && typeof item.id === 'string');

async function chainItems(previousId: string, lookup: StoredResponseLookup): Promise<Item[]> {
  const turns: Item[][] = [];
  const seen = new Set<string>();
  let id: string | null = previousId;
  while (id !== null) {
    if (seen.has(id) || seen.size >= MAX_CHAIN_LENGTH) throw previousResponseNotFound(previousId);
    seen.add(id);
    const stored = await lookup.findResponse(id);
    if (stored === undefined) throw previousResponseNotFound(id);
    turns.push([...stored.inputItems, ...stored.outputItems]);
    id = stored.previousResponseId;
  }
  return turns.reverse().flat();
}

async function resolveReferences(items: Item[], lookup: StoredResponseLookup): Promise<Item[]> {
  const out: Item[] = [];
  for (const item of items) {
    if (!isReference(item)) {
      out.push(item);
      continue;
    }
    const id = String(item.id);
    const stored = await lookup.findItem(id);
    if (stored === undefined) throw itemNotFound(id);
    out.push(stored);
  }
  return out;
}

/** True when the request needs the store (a chain or a reference); otherwise it can go out unchanged. */
export function needsExpansion(body: Record<string, unknown>): boolean {
  if (typeof body.previous_response_id === 'string' && body.previous_response_id.length > 0) return true;
  return inputItemsOf(body.input).some(isReference);
}

export async function expandHistory(
  body: Record<string, unknown>,
  lookup: StoredResponseLookup,
): Promise<Record<string, unknown>> {
  const { previous_response_id: previousId, ...rest } = body;
  const history =
    typeof previousId === 'string' && previousId.length > 0 ? await chainItems(previousId, lookup) : [];
  const input = await resolveReferences(inputItemsOf(body.input), lookup);
  return { ...rest, input: [...history, ...input] };
}

/** One Responses turn made stateless, and what the store keeps of it once it succeeds. */
export interface ExpandedTurn {
  /** The stateless request: history + this turn's input (`previous_response_id` kept only to be echoed). */
  body: Record<string, unknown>;
  /** This turn's input, references resolved, every item with an id. */
  turnInput: Item[];
  previousResponseId: string | null;
}

export async function expandTurn(
  body: Record<string, unknown>,
  lookup: StoredResponseLookup,
  newId: () => string,
): Promise<ExpandedTurn> {
  const previousId = body.previous_response_id;
  const chained = typeof previousId === 'string' && previousId.length > 0 ? previousId : null;
  const history = chained === null ? [] : await chainItems(chained, lookup);
  const turnInput = withInputItemIds(await resolveReferences(inputItemsOf(body.input), lookup), newId);
  const needed = chained !== null || inputItemsOf(body.input).some(isReference);
  return {
    // `previous_response_id` stays for the converters to echo on the Response; they never send it upstream.
    body: needed ? { ...body, input: [...history, ...turnInput] } : body,
    turnInput,
    previousResponseId: chained,
  };
}
