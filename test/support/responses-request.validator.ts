import { validateOpenAi } from './openai-schema.validator';

/**
 * Problems of a request body against the official `CreateResponse` schema (strict: undeclared fields fail).
 * One artefact of the published schema is forgiven: a user message with a content array matches both
 * `EasyInputMessage` and `InputMessage`, which JSON Schema's `oneOf` counts as a failure, though the API takes
 * it (both describe the same message). Everything else must pass.
 */
export function responsesRequestProblems(body: unknown): string[] {
  const problems = validateOpenAi('CreateResponse', body);
  const ambiguous = problems.filter((p) =>
    p.includes('must match exactly one schema in oneOf {"passingSchemas":[0,1]}'),
  );
  if (ambiguous.length === 0) return problems;
  const consequences = new Set([
    '/input: must be string {"type":"string"}',
    '/input: must match exactly one schema in oneOf {"passingSchemas":null}',
  ]);
  return problems.filter((p) => !ambiguous.includes(p) && !consequences.has(p));
}
