import { validateOpenAi, type OpenAiSchemaName } from '../../../support/openai-schema.validator';

/** Asserts a body the gateway sent an OpenAI client satisfies the official schema (strict: no invented fields). */
export function expectOfficialOpenAi(name: OpenAiSchemaName, body: unknown): void {
  expect({ schema: name, problems: validateOpenAi(name, body) }).toEqual({ schema: name, problems: [] });
}
