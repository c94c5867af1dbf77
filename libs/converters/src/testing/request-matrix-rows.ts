import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages';
import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import openAiSchemas from '@switchboard/test-fixtures/openai-schemas.json';
import { valuesAtPath, type MatrixRow } from './conversion-matrix.parser';
import { setPath } from './matrix-helpers';

/**
 * The request-row checks of docs/conversion-matrix.md, one per client protocol: a row's example, converted,
 * is rejected with a 400, dropped (the body equals the base request's) or lands at the row's target.
 */

type Body = Record<string, unknown>;

/** The top-level field of a matrix path (`a.b`, `a[0]` → `a`). */
export const topLevel = (field: string): string => field.split(/[.[]/)[0]!;

type Defs = Record<string, { properties?: object; allOf?: { $ref?: string }[]; anyOf?: { $ref?: string }[] }>;

/** The top-level fields of an official OpenAI request schema (members of `allOf`, and of `anyOf` if asked). */
export function openAiSchemaFields(schemaName: string, followAnyOf = false): string[] {
  const defs = (openAiSchemas as { $defs: Defs }).$defs;
  const fields = new Set<string>();
  const collect = (schema: Defs[string] | undefined): void => {
    if (!schema) return;
    Object.keys(schema.properties ?? {}).forEach((f) => fields.add(f));
    const members = [...(schema.allOf ?? []), ...(followAnyOf ? (schema.anyOf ?? []) : [])];
    for (const member of members) {
      collect(member.$ref ? defs[member.$ref.replace('#/$defs/', '')] : (member as Defs[string]));
    }
  };
  collect(defs[schemaName]);
  return [...fields];
}

/** An OpenAI-client request (Chat or Responses) toward some upstream. */
export interface OpenAiClientRequestSuite {
  baseRequest: (withTools: boolean) => Body;
  convert: (body: Body) => { body: Body };
  /** Fields that only mean something when the request has tools. */
  needsTools: ReadonlySet<string>;
  /** The upstream protocol's validator: the problems found in a converted body. */
  validUpstream: (body: Body) => string[];
}

/** Checks one request row of an OpenAI-client direction; returns the converted body unless the row is rejected. */
export function expectOpenAiClientRequestRow(
  row: MatrixRow,
  suite: OpenAiClientRequestSuite,
): Body | undefined {
  const withTools = suite.needsTools.has(row.field);
  const request = { ...suite.baseRequest(withTools), [row.field]: row.example!.value };
  if (row.status === 'rejected') {
    expect(() => suite.convert(request)).toThrow(GatewayError);
    return undefined;
  }
  const { body } = suite.convert(request);
  expect(suite.validUpstream(body)).toEqual([]);
  const base = suite.convert(suite.baseRequest(withTools)).body;
  if (row.status === 'dropped') {
    expect(body).toEqual(base);
  } else if (row.target) {
    expect(valuesAtPath(body, row.target)).not.toHaveLength(0);
    expect(body).not.toEqual(base);
  }
  return body;
}

/** Every top-level Anthropic request field (names checked against the official SDK type at compile time). */
const SDK_REQUEST_FIELDS = [
  'model',
  'max_tokens',
  'messages',
  'system',
  'stop_sequences',
  'stream',
  'tools',
  'tool_choice',
  'thinking',
  'metadata',
  'service_tier',
  'container',
  'inference_geo',
  'output_config',
  'cache_control',
  'speed',
  'diagnostics',
  'user_profile_id',
  'workspace_id',
] as const satisfies readonly (keyof MessageCreateParamsBase)[];
/** Sampling fields of older models (no longer in the SDK type) and beta fields. */
const LEGACY_AND_BETA_FIELDS = ['temperature', 'top_p', 'top_k', 'mcp_servers', 'context_management'];

/** What the matrix of an Anthropic-client direction must list. */
const ANTHROPIC_REQUEST_FIELDS: readonly string[] = [...SDK_REQUEST_FIELDS, ...LEGACY_AND_BETA_FIELDS];

/** The smallest valid Anthropic request: each request row sets its example on a fresh one. */
export const anthropicBaseRequest = (): Body => ({
  model: 'claude-sonnet-4-5',
  max_tokens: 100,
  messages: [{ role: 'user', content: 'hi' }],
});

/** Checks one request row of an Anthropic-client direction (`convert` returns the upstream body). */
function expectAnthropicClientRequestRow(
  row: MatrixRow,
  baseRequest: () => Body,
  convert: (body: Body) => Body,
): void {
  const request = baseRequest();
  setPath(request, row.field, row.example?.value);
  if (row.status === 'rejected') {
    expect(() => convert(request)).toThrow(GatewayError);
    expect(() => convert(request)).toThrow(
      expect.objectContaining({ code: GatewayErrorCode.INVALID_REQUEST }) as GatewayError,
    );
    return;
  }
  const body = convert(request);
  if (row.status === 'dropped') {
    expect(body).toEqual(convert(baseRequest()));
    return;
  }
  expect(valuesAtPath(body, row.target ?? '').length).toBeGreaterThan(0);
  expect(body).not.toEqual(convert(baseRequest()));
}

/**
 * The request part of an Anthropic-client direction's matrix spec (call inside its `describe`): the matrix lists
 * every Anthropic request field, and each row with an example holds (`convert` returns the upstream body).
 */
export function itChecksAnthropicClientRequestRows(
  requestRows: MatrixRow[],
  convert: (body: Body) => Body,
): void {
  it('lists every top-level Anthropic request field', () => {
    const listed = new Set(requestRows.map((r) => r.field.split('.')[0]));
    expect(ANTHROPIC_REQUEST_FIELDS.filter((f) => !listed.has(f))).toEqual([]);
  });

  describe('request rows', () => {
    const withExample = requestRows.filter((r) => r.example !== undefined);
    it('has examples to check', () => expect(withExample.length).toBeGreaterThan(20));

    it.each(withExample.map((r) => [r.field, r.status, r] as const))('%s is %s', (_field, _status, row) =>
      expectAnthropicClientRequestRow(row, anthropicBaseRequest, convert),
    );
  });
}
