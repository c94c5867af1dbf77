import type { SseEvent } from '@switchboard/protocols';
import schemas from '@switchboard/test-fixtures/openai-schemas.json';
import { validateOpenAi, type OpenAiSchemaName } from '@switchboard/testing/openai-schema.validator';

/**
 * Checks a converted Responses stream the way its clients read it (responses-spec §4.3): every event validates
 * against `ResponseStreamEvent`, `event:` equals `data.type`, `sequence_number` counts 0,1,2…, `response.created`
 * comes first, items are added in `output_index` order and closed before the end, parts and summary parts exist
 * before their deltas, one id throughout, and exactly one ending: a terminal lifecycle event whose `output` equals
 * the items closed by `output_item.done`, or `response.failed` followed by `error`. Returns the problems found.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Event type → the member schema of the `ResponseStreamEvent` union that describes it (precise messages). */
const MEMBER_SCHEMAS: ReadonlyMap<string, string> = (() => {
  const defs = (schemas as Json).$defs as Json;
  const map = new Map<string, string>();
  for (const member of defs.ResponseStreamEvent.anyOf as Json[]) {
    const name = String(member.$ref).replace('#/$defs/', '');
    const type = defs[name]?.properties?.type?.enum?.[0];
    if (typeof type === 'string') map.set(type, name);
  }
  return map;
})();

function schemaProblems(data: Json): string[] {
  const member = MEMBER_SCHEMAS.get(String(data.type));
  if (!member) return [`type ${String(data.type)} is not a ResponseStreamEvent`];
  return validateOpenAi(member as OpenAiSchemaName, data);
}

export function responsesGrammarProblems(events: SseEvent[]): string[] {
  const problems: string[] = [];
  const datas = events.map((e) => JSON.parse(e.data) as Json);
  const added = new Map<number, Json>();
  const done = new Map<number, Json>();
  const parts = new Set<string>();
  let responseId: string | undefined;
  datas.forEach((data, i) => {
    const where = `event ${i} (${String(data.type)})`;
    for (const p of schemaProblems(data)) problems.push(`${where}: ${p}`);
    if (events[i].event !== data.type) problems.push(`${where}: event line ${events[i].event} ≠ data.type`);
    if (data.sequence_number !== i) problems.push(`${where}: sequence_number ${data.sequence_number} ≠ ${i}`);
    if (i === 0 && data.type !== 'response.created')
      problems.push(`${where}: first event is not response.created`);
    if (data.response) {
      responseId ??= data.response.id;
      if (data.response.id !== responseId) problems.push(`${where}: response id changed`);
    }
    switch (data.type) {
      case 'response.output_item.added':
        if (data.output_index !== added.size)
          problems.push(`${where}: output_index ${data.output_index} skips`);
        added.set(data.output_index, data.item);
        break;
      case 'response.output_item.done':
        if (!added.has(data.output_index)) problems.push(`${where}: done before added`);
        if (added.get(data.output_index)?.id !== data.item.id) problems.push(`${where}: item id changed`);
        done.set(data.output_index, data.item);
        break;
      case 'response.content_part.added':
      case 'response.reasoning_summary_part.added':
        parts.add(`${data.item_id}:${data.content_index ?? data.summary_index}`);
        break;
      case 'response.output_text.delta':
      case 'response.reasoning_summary_text.delta':
        if (!parts.has(`${data.item_id}:${data.content_index ?? data.summary_index}`))
          problems.push(`${where}: delta before its part`);
        break;
      default:
    }
  });
  const last = datas[datas.length - 1];
  const terminal = datas.filter((d) => ['response.completed', 'response.incomplete'].includes(d.type));
  if (last?.type === 'error') {
    if (datas[datas.length - 2]?.type !== 'response.failed')
      problems.push('error not preceded by response.failed');
    if (terminal.length > 0) problems.push('a failed stream also completed');
  } else {
    if (terminal.length !== 1 || last !== terminal[0])
      problems.push('stream does not end in one terminal event');
    if (done.size !== added.size) problems.push('an item was never closed');
    const output = last?.response?.output;
    const streamed = [...done.keys()].sort((a, b) => a - b).map((k) => done.get(k));
    if (JSON.stringify(output) !== JSON.stringify(streamed))
      problems.push('terminal output ≠ streamed items');
  }
  return problems;
}
