import { GatewayError, GatewayErrorCode, type ErrorDetail } from '@switchboard/common/errors';
import type { BudgetPeriod, KeyBudget, KeyInput } from '../consumer-key.types';

const FIELDS = new Set(['name', 'models', 'rpm', 'tpm', 'budget', 'expires_at', 'enabled', 'metadata']);
/** Fields a GET returns that a client may send back unchanged; ignored on write. */
const READ_ONLY = new Set([
  'id',
  'key_prefix',
  'last_used_at',
  'usage',
  'spend_usd',
  'version',
  'created_at',
  'updated_at',
]);
const NAME = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;
const PERIODS: readonly BudgetPeriod[] = ['day', 'month', 'total'];
const MAX_LIMIT = 2_000_000_000;
const BUDGET_FIELDS = new Set(['tokens', 'usd', 'period']);
const BUDGET_SHAPE = '{"tokens"?: N, "usd"?: X, "period": "day"|"month"|"total"}';
/** USD budgets are counted in nano-dollars on 64-bit counters; this keeps them far inside that range. */
const MAX_USD = 1_000_000_000;

type Json = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A create body, or a PATCH merged over the stored key's fields: every invalid field listed in one 400. */
export function validateKeyBody(body: unknown, base?: KeyInput): KeyInput {
  if (!isPlainObject(body)) throw validationFailed([{ path: '', message: 'the body must be a JSON object' }]);
  const details: ErrorDetail[] = [];
  for (const field of Object.keys(body)) {
    if (!FIELDS.has(field) && !READ_ONLY.has(field))
      details.push({ path: field, message: `unknown field "${field}"` });
  }
  const has = (field: string) => Object.prototype.hasOwnProperty.call(body, field);
  const input: KeyInput = base
    ? { ...base }
    : {
        name: '',
        models: null,
        rpm: null,
        tpm: null,
        budget: null,
        expires_at: null,
        enabled: true,
        metadata: {},
      };

  if (has('name') || !base) {
    if (typeof body.name === 'string' && NAME.test(body.name)) input.name = body.name;
    else
      details.push({
        path: 'name',
        message: 'name is required: 1-100 of A-Z a-z 0-9 . _ : @ -, starting with a letter or digit',
      });
  }
  if (has('models')) input.models = readModels(body.models, details);
  if (has('rpm')) input.rpm = readLimit(body.rpm, 'rpm', details);
  if (has('tpm')) input.tpm = readLimit(body.tpm, 'tpm', details);
  if (has('budget')) input.budget = readBudget(body.budget, details);
  if (has('expires_at')) input.expires_at = readExpiry(body.expires_at, details);
  if (has('enabled')) {
    if (typeof body.enabled === 'boolean') input.enabled = body.enabled;
    else details.push({ path: 'enabled', message: 'enabled must be true or false' });
  }
  if (has('metadata')) {
    if (body.metadata === null) input.metadata = {};
    else if (isPlainObject(body.metadata) && JSON.stringify(body.metadata).length <= 16_384)
      input.metadata = body.metadata;
    else details.push({ path: 'metadata', message: 'metadata must be a JSON object of at most 16 KB' });
  }
  if (details.length > 0) throw validationFailed(details);
  return input;
}

function readModels(value: unknown, details: ErrorDetail[]): string[] | null {
  if (value === null) return null;
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= 1000 &&
    value.every((model) => typeof model === 'string' && model.length > 0 && model.length <= 200)
  ) {
    return [...new Set(value as string[])];
  }
  details.push({
    path: 'models',
    message: 'models must be null (all) or a non-empty array of model names or globs',
  });
  return null;
}

function readLimit(value: unknown, field: string, details: ErrorDetail[]): number | null {
  if (value === null) return null;
  if (Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= MAX_LIMIT)
    return value as number;
  details.push({ path: field, message: `${field} must be null or an integer from 1 to ${MAX_LIMIT}` });
  return null;
}

function readBudget(value: unknown, details: ErrorDetail[]): KeyBudget | null {
  if (value === null) return null;
  if (!isPlainObject(value)) {
    details.push({ path: 'budget', message: `budget must be null or ${BUDGET_SHAPE}` });
    return null;
  }
  for (const field of Object.keys(value)) {
    if (!BUDGET_FIELDS.has(field))
      details.push({ path: `budget.${field}`, message: `unknown field "${field}"` });
  }
  const budget: KeyBudget = { period: value.period as BudgetPeriod };
  if (value.tokens !== undefined) {
    if (Number.isSafeInteger(value.tokens) && (value.tokens as number) >= 1)
      budget.tokens = value.tokens as number;
    else details.push({ path: 'budget.tokens', message: 'budget.tokens must be a positive integer' });
  }
  if (value.usd !== undefined) {
    const usd = value.usd;
    if (typeof usd === 'number' && Number.isFinite(usd) && usd > 0 && usd <= MAX_USD) budget.usd = usd;
    else
      details.push({
        path: 'budget.usd',
        message: `budget.usd must be a number above 0, at most ${MAX_USD}`,
      });
  }
  if (value.tokens === undefined && value.usd === undefined)
    details.push({ path: 'budget', message: `budget needs tokens, usd or both: ${BUDGET_SHAPE}` });
  if (!PERIODS.includes(value.period as BudgetPeriod))
    details.push({ path: 'budget.period', message: 'budget.period must be day, month or total' });
  return budget;
}

function readExpiry(value: unknown, details: ErrorDetail[]): string | null {
  if (value === null) return null;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && Number.isFinite(Date.parse(value)))
    return new Date(value).toISOString();
  details.push({ path: 'expires_at', message: 'expires_at must be null or an ISO 8601 date-time' });
  return null;
}

export function readGraceSeconds(body: unknown): number {
  if (body === undefined || body === null || (isPlainObject(body) && Object.keys(body).length === 0))
    return 0;
  const details: ErrorDetail[] = [];
  if (!isPlainObject(body)) details.push({ path: '', message: 'the body must be a JSON object' });
  else {
    for (const field of Object.keys(body))
      if (field !== 'grace_seconds') details.push({ path: field, message: `unknown field "${field}"` });
    const grace = body.grace_seconds;
    if (
      grace !== undefined &&
      !(Number.isSafeInteger(grace) && (grace as number) >= 0 && (grace as number) <= 86_400)
    )
      details.push({ path: 'grace_seconds', message: 'grace_seconds must be an integer from 0 to 86400' });
  }
  if (details.length > 0) throw validationFailed(details);
  return ((body as Json).grace_seconds as number | undefined) ?? 0;
}

export function validationFailed(details: ErrorDetail[]): GatewayError {
  const summary = details.map((detail) =>
    detail.path ? `${detail.path}: ${detail.message}` : detail.message,
  );
  return new GatewayError(GatewayErrorCode.VALIDATION_FAILED, `Invalid key: ${summary.join('; ')}`, {
    details,
  });
}
