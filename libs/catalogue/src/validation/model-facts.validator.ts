import type { ErrorDetail } from '@switchboard/common/errors';
import { CAPABILITIES, CONVERSION_DEFAULT_VALUES, type ModelFacts } from '../model-facts';
import type { ModelInfo } from '../model-catalogue';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const FAMILIES = ['openai', 'anthropic', 'deepseek', 'google', 'meta', 'mistral', 'qwen', 'other'];
const LIMITS = ['context_window', 'max_output', 'max_output_thinking'] as const;
const PRICES = ['input', 'output', 'cache_read', 'cache_write', 'cache_write_1h'] as const;
const SOURCE_KEYS = ['limits', 'capabilities', 'prices'] as const;
const FIELDS = new Set([
  'id',
  'family',
  'offered_by',
  ...LIMITS,
  'capabilities',
  'prices',
  'conversion',
  'sources',
  'note',
]);
/** Fields a GET entry carries that a write accepts and ignores. */
const READ_ONLY = new Set(['origin', 'version', 'created_at', 'updated_at']);
const MODEL_ID = /^[A-Za-z0-9*][A-Za-z0-9._:@/*-]{0,199}$/;

/**
 * Checks a model entry (PUT /admin/models/:id body, or an instance's `model_info` with `partial`). Lists every
 * problem; answers the clean facts (read-only fields dropped) when there is none.
 */
export function validateModelFacts(
  raw: unknown,
  options: { partial: boolean; prefix?: string },
): { facts?: ModelFacts | ModelInfo; details: ErrorDetail[] } {
  const prefix = options.prefix ?? '';
  const details: ErrorDetail[] = [];
  const fail = (path: string, message: string) => details.push({ path: `${prefix}${path}`, message });
  if (!isObject(raw)) {
    fail('', 'must be a JSON object');
    return { details };
  }
  const facts: Json = {};
  for (const [key, value] of Object.entries(raw)) {
    if (READ_ONLY.has(key)) continue;
    if (!FIELDS.has(key) || (options.partial && key === 'id')) {
      fail(key, `unknown field "${key}"`);
      continue;
    }
    facts[key] = value;
  }
  if (!options.partial) {
    if (typeof facts.id !== 'string' || !MODEL_ID.test(facts.id))
      fail('id', 'must be a model id or pattern (letters, digits, . _ : @ / - and * wildcards)');
    if (typeof facts.family !== 'string') fail('family', `is required: one of ${FAMILIES.join(', ')}`);
  }
  if (facts.family !== undefined && !FAMILIES.includes(facts.family as string))
    fail('family', `must be one of ${FAMILIES.join(', ')}`);
  if (
    facts.offered_by !== undefined &&
    (!Array.isArray(facts.offered_by) || facts.offered_by.some((p) => typeof p !== 'string'))
  )
    fail('offered_by', 'must be an array of strings');
  for (const key of LIMITS) {
    const value = facts[key];
    if (value !== undefined && (!Number.isInteger(value) || (value as number) < 1))
      fail(key, 'must be a positive integer (tokens)');
  }
  if (facts.note !== undefined && typeof facts.note !== 'string') fail('note', 'must be a string');
  checkCapabilities(facts.capabilities, fail);
  checkPrices(facts.prices, fail, options.partial);
  checkSources(facts.sources, fail);
  checkConversion(facts.conversion, fail);
  return details.length > 0 ? { details } : { facts: facts as unknown as ModelFacts, details };
}

type Fail = (path: string, message: string) => void;

function checkCapabilities(value: unknown, fail: Fail): void {
  if (value === undefined) return;
  if (!isObject(value)) return fail('capabilities', 'must be an object of booleans');
  for (const [key, flag] of Object.entries(value)) {
    if (!(CAPABILITIES as readonly string[]).includes(key))
      fail(`capabilities.${key}`, `unknown capability: one of ${CAPABILITIES.join(', ')}`);
    else if (typeof flag !== 'boolean') fail(`capabilities.${key}`, 'must be true or false');
  }
}

function checkPrices(value: unknown, fail: Fail, partial: boolean): void {
  if (value === undefined) return;
  if (!isObject(value)) return fail('prices', 'must be an object of USD per million tokens');
  for (const [key, price] of Object.entries(value)) {
    if (!(PRICES as readonly string[]).includes(key))
      fail(`prices.${key}`, `unknown price: one of ${PRICES.join(', ')}`);
    else if (typeof price !== 'number' || !Number.isFinite(price) || price < 0)
      fail(`prices.${key}`, 'must be a number ≥ 0 (USD per million tokens)');
  }
  if (partial) return;
  for (const key of ['input', 'output'] as const)
    if (value[key] === undefined) fail(`prices.${key}`, 'is required when prices are given');
}

function checkSources(value: unknown, fail: Fail): void {
  if (value === undefined) return;
  if (!isObject(value)) return fail('sources', 'must be an object');
  for (const [key, source] of Object.entries(value)) {
    if (!(SOURCE_KEYS as readonly string[]).includes(key)) {
      fail(`sources.${key}`, `unknown source: one of ${SOURCE_KEYS.join(', ')}`);
      continue;
    }
    if (
      !isObject(source) ||
      typeof source.url !== 'string' ||
      typeof source.as_of !== 'string' ||
      !['undefined', 'string'].includes(typeof source.checked) ||
      !['undefined', 'boolean'].includes(typeof source.verified)
    )
      fail(`sources.${key}`, 'must be { url, as_of, checked?, note? } strings and verified? a boolean');
  }
}

function checkConversion(value: unknown, fail: Fail): void {
  if (value === undefined) return;
  if (!isObject(value)) return fail('conversion', 'must be an object of conversion options');
  const allowed = CONVERSION_DEFAULT_VALUES as Record<string, readonly unknown[]>;
  for (const [key, option] of Object.entries(value)) {
    const values = allowed[key];
    if (values === undefined)
      fail(`conversion.${key}`, `unknown conversion option: one of ${Object.keys(allowed).join(', ')}`);
    else if (!values.includes(option))
      fail(`conversion.${key}`, `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
  }
}
