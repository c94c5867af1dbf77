import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { GatewayError, GatewayErrorCode, type ErrorDetail } from '@switchboard/common/errors';
import { PROTOCOLS, type Protocol } from '@switchboard/protocols';
import { isProviderName, providerFacts } from '@switchboard/providers/provider-facts';
import { DEFAULT_CIRCUIT_BREAKER, DEFAULT_TIMEOUT_MS } from '../route-defaults';
import { type FallbackTrigger, type InstanceConfig, type ProviderName } from '../route.types';
import {
  INSTANCE_EXTRA_FIELDS,
  OVERRIDE_EXTRA_FIELDS,
  READ_ONLY_FIELDS,
  ROUTE_EXTRA_FIELDS,
} from './apisix-extras';
import { FALLBACK_TRIGGERS, RouteBodyDto } from './dto/route-body.dto';
import { headerValueProblem, isHeaderName } from './header-rules';
import { isGlob } from '../matching/glob';
import { modelPatternMatches } from '../matching/route-matcher';
import type { InstanceBodyDto } from './dto/instance-body.dto';
import type { RouteInput, ValidatedRoute } from './route-input';

const HEADER_NAME = /^[a-zA-Z0-9._-]+$/;

type JsonObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function nativeProtocol(provider: ProviderName): Protocol {
  return providerFacts(provider).nativeProtocol;
}

/**
 * Validates a route body (POST/PUT, or a PATCH already merged over the stored route) and normalises it with
 * every default filled in. Throws GatewayError(VALIDATION_FAILED) listing every invalid field.
 * Secrets are not resolved here: "******" placeholders pass through and are resolved against the stored route.
 */
export function validateRouteBody(raw: unknown): ValidatedRoute {
  const details: ErrorDetail[] = [];
  const warnings: string[] = [];
  if (!isPlainObject(raw)) {
    throw validationFailed([{ path: '', message: 'the body must be a JSON object' }]);
  }

  const forbidden = findProtoKeys(raw, '');
  if (forbidden.length > 0) throw validationFailed(forbidden);

  const body: JsonObject = { ...raw };
  for (const field of READ_ONLY_FIELDS) delete body[field];
  const routeExtras = takeExtras(body, ROUTE_EXTRA_FIELDS, '', warnings);
  readFallbackStrategy(body, details, warnings);

  const instanceExtras: JsonObject[] = [];
  const overrideExtras: JsonObject[] = [];
  if (Array.isArray(body.instances)) {
    body.instances = body.instances.map((item: unknown, index) => {
      if (!isPlainObject(item)) return item;
      const instance: JsonObject = { ...item };
      instanceExtras[index] = takeExtras(instance, INSTANCE_EXTRA_FIELDS, `instances.${index}.`, warnings);
      if (isPlainObject(instance.override)) {
        const override = { ...instance.override };
        overrideExtras[index] = takeExtras(
          override,
          OVERRIDE_EXTRA_FIELDS,
          `instances.${index}.override.`,
          warnings,
        );
        instance.override = override;
      }
      return instance;
    });
  }

  const dto = plainToInstance(RouteBodyDto, body);
  const errors = validateSync(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  collectErrors(errors, '', details);
  checkInstances(body.instances, details);
  checkAdvertise(body.models, body.advertise, details);
  checkBalancer(body.balancer, details);

  if (details.length > 0) throw validationFailed(details);
  return { route: normalise(dto, routeExtras, instanceExtras, overrideExtras), warnings };
}

export function validationFailed(details: ErrorDetail[]): GatewayError {
  const summary = details.map((detail) =>
    detail.path ? `${detail.path}: ${detail.message}` : detail.message,
  );
  return new GatewayError(GatewayErrorCode.VALIDATION_FAILED, `Invalid route: ${summary.join('; ')}`, {
    details,
  });
}

/** "__proto__" keys, anywhere (options too: later merges must never be able to swap a prototype). */
function findProtoKeys(value: unknown, path: string): ErrorDetail[] {
  if (typeof value !== 'object' || value === null) return [];
  const found: ErrorDetail[] = [];
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key === '__proto__') found.push({ path: at, message: 'the field name "__proto__" is not allowed' });
    else found.push(...findProtoKeys((value as JsonObject)[key], at));
  }
  return found;
}

function takeExtras(
  target: JsonObject,
  fields: readonly string[],
  prefix: string,
  warnings: string[],
): JsonObject {
  const extras: JsonObject = {};
  for (const field of fields) {
    if (!(field in target)) continue;
    extras[field] = target[field];
    delete target[field];
    warnings.push(`${prefix}${field} is not implemented yet: stored and returned, but ignored`);
  }
  return extras;
}

function readFallbackStrategy(body: JsonObject, details: ErrorDetail[], warnings: string[]): void {
  const value = body.fallback_strategy;
  if (typeof value === 'string') {
    if (value === 'instance_health_and_rate_limiting') {
      body.fallback_strategy = [...FALLBACK_TRIGGERS];
      warnings.push(
        'fallback_strategy "instance_health_and_rate_limiting" is read as ["http_429","http_5xx"] ' +
          '(instance health is passive, through circuit_breaker; rate limiting is not implemented yet)',
      );
    } else if ((FALLBACK_TRIGGERS as readonly string[]).includes(value)) {
      body.fallback_strategy = [value];
    } else {
      details.push({
        path: 'fallback_strategy',
        message: `fallback_strategy must be "http_429", "http_5xx" or an array of them (got "${value}")`,
      });
      delete body.fallback_strategy;
    }
  } else if (Array.isArray(value) && value.includes('rate_limiting')) {
    body.fallback_strategy = value.filter((trigger) => trigger !== 'rate_limiting');
    warnings.push('fallback_strategy "rate_limiting" is not implemented yet: ignored');
  }
}

/** Constraints that say what a field IS: when one fails, the others (length, range…) only add noise. */
const TYPE_CONSTRAINTS = [
  'isString',
  'isInt',
  'isBoolean',
  'isArray',
  'isObject',
  'isIn',
  'nestedValidation',
];

/** One detail per field: the most useful of its failed constraints. */
function collectErrors(errors: ValidationError[], prefix: string, details: ErrorDetail[]): void {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints && Object.keys(error.constraints).length > 0) {
      details.push({ path, message: mostUsefulMessage(error, error.constraints) });
    }
    if (error.children?.length) collectErrors(error.children, path, details);
  }
}

function mostUsefulMessage(error: ValidationError, constraints: Record<string, string>): string {
  if (constraints.whitelistValidation !== undefined) return `unknown field "${error.property}"`;
  if (error.value === undefined || error.value === null) return `${error.property} is required`;
  const typeConstraint = TYPE_CONSTRAINTS.find((name) => constraints[name] !== undefined);
  return constraints[typeConstraint ?? Object.keys(constraints)[0]];
}

function checkInstances(instances: unknown, details: ErrorDetail[]): void {
  if (!Array.isArray(instances)) return;
  const firstIndexByName = new Map<string, number>();
  instances.forEach((instance: unknown, index) => {
    if (!isPlainObject(instance)) return;
    const at = `instances.${index}`;
    if (typeof instance.name === 'string') {
      const first = firstIndexByName.get(instance.name);
      if (first === undefined) firstIndexByName.set(instance.name, index);
      else
        details.push({
          path: `${at}.name`,
          message: `duplicate instance name "${instance.name}" (also at instances.${first})`,
        });
    }
    checkProtocol(instance, at, details);
    checkEndpoint(instance, at, details);
    checkAuth(instance.auth, `${at}.auth`, details);
  });
}

/** An explicit protocol must be one the provider's driver speaks (e.g. anthropic speaks both). */
function checkProtocol(instance: JsonObject, at: string, details: ErrorDetail[]): void {
  const { provider, protocol } = instance;
  if (!isProviderName(provider) || !(PROTOCOLS as readonly unknown[]).includes(protocol)) return;
  const spoken = providerFacts(provider).protocols;
  if (!spoken.includes(protocol as Protocol)) {
    details.push({
      path: `${at}.protocol`,
      message: `provider "${String(provider)}" does not speak ${String(protocol)} (it speaks ${spoken.join(', ')})`,
    });
  }
}

function checkEndpoint(instance: JsonObject, at: string, details: ErrorDetail[]): void {
  const override = isPlainObject(instance.override) ? instance.override : undefined;
  const endpoint = override?.endpoint;
  if (typeof endpoint === 'string') {
    if (!isHttpUrl(endpoint)) {
      details.push({ path: `${at}.override.endpoint`, message: 'override.endpoint must be an http(s) URL' });
    } else if (hasUserInfo(endpoint)) {
      details.push({
        path: `${at}.override.endpoint`,
        message:
          'override.endpoint must not carry a user name or password: credentials belong in auth.header',
      });
    }
  } else if (endpoint === undefined || endpoint === null) {
    const provider = instance.provider;
    if (isProviderName(provider) && providerFacts(provider).requiresEndpoint) {
      details.push({
        path: `${at}.override.endpoint`,
        message: `override.endpoint is required for provider "${provider}"`,
      });
    }
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function hasUserInfo(value: string): boolean {
  const url = new URL(value);
  return url.username !== '' || url.password !== '';
}

function checkAuth(auth: unknown, at: string, details: ErrorDetail[]): void {
  if (!isPlainObject(auth)) return;
  for (const part of ['header', 'query'] as const) {
    const map = auth[part];
    if (!isPlainObject(map)) continue;
    for (const [key, value] of Object.entries(map)) {
      const path = `${at}.${part}.${key}`;
      if (typeof value !== 'string') {
        details.push({ path, message: `auth.${part} values must be strings` });
        continue;
      }
      if (part !== 'header') continue;
      if (!isHeaderName(key)) {
        details.push({ path, message: `"${key}" is not a valid header name (RFC 9110 token characters)` });
        continue;
      }
      const problem = headerValueProblem(value);
      if (problem !== undefined) details.push({ path, message: problem });
    }
  }
}

/** An advertised name must be exact and served by this route: one of its globs must match it. */
function checkAdvertise(models: unknown, advertise: unknown, details: ErrorDetail[]): void {
  if (!Array.isArray(advertise) || !Array.isArray(models)) return;
  const patterns = models.filter((model): model is string => typeof model === 'string');
  advertise.forEach((name: unknown, index) => {
    if (typeof name !== 'string' || name === '') return;
    const path = `advertise.${index}`;
    if (isGlob(name)) {
      details.push({ path, message: `"${name}" is a glob: advertise lists exact model names` });
    } else if (!patterns.some((pattern) => modelPatternMatches(pattern, name))) {
      details.push({ path, message: `"${name}" matches none of the route's models` });
    }
  });
}

function checkBalancer(balancer: unknown, details: ErrorDetail[]): void {
  if (!isPlainObject(balancer)) return;
  const { algorithm, hash_on: hashOn, key } = balancer;
  if (typeof hashOn === 'string' && hashOn !== 'header') {
    details.push({
      path: 'balancer.hash_on',
      message: `balancer.hash_on "${hashOn}" is not supported: only "header" (hash a request header named by balancer.key)`,
    });
  }
  if (algorithm !== 'chash') return;
  if (hashOn === undefined || hashOn === null) {
    details.push({
      path: 'balancer.hash_on',
      message: 'balancer.hash_on must be "header" when algorithm is chash',
    });
  }
  if (key === undefined || key === null) {
    details.push({
      path: 'balancer.key',
      message: 'balancer.key (a header name) is required when algorithm is chash',
    });
  } else if (typeof key === 'string' && !HEADER_NAME.test(key)) {
    details.push({ path: 'balancer.key', message: `"${key}" is not a valid header name` });
  }
}

function normalise(
  dto: RouteBodyDto,
  routeExtras: JsonObject,
  instanceExtras: JsonObject[],
  overrideExtras: JsonObject[],
): RouteInput {
  const balancer: RouteInput['balancer'] =
    dto.balancer?.algorithm === 'chash'
      ? { algorithm: 'chash', hash_on: 'header', key: dto.balancer.key as string }
      : { algorithm: 'roundrobin' };
  const route: RouteInput = {
    name: dto.name,
    models: [...dto.models],
    advertise: [...(dto.advertise ?? [])],
    enabled: dto.enabled ?? true,
    instances: dto.instances.map((instance, index) =>
      normaliseInstance(instance, instanceExtras[index] ?? {}, overrideExtras[index] ?? {}),
    ),
    balancer,
    fallback_strategy: (dto.fallback_strategy as FallbackTrigger[] | undefined) ?? [...FALLBACK_TRIGGERS],
    fallback_http_statuses: dto.fallback_http_statuses ?? [],
    max_retries: dto.max_retries ?? null,
    timeout: dto.timeout ?? DEFAULT_TIMEOUT_MS,
    first_byte_timeout: dto.first_byte_timeout ?? null,
    total_timeout: dto.total_timeout ?? null,
    circuit_breaker: {
      failure_threshold: dto.circuit_breaker?.failure_threshold ?? DEFAULT_CIRCUIT_BREAKER.failure_threshold,
      cooldown: dto.circuit_breaker?.cooldown ?? DEFAULT_CIRCUIT_BREAKER.cooldown,
    },
    extras: routeExtras,
  };
  if (dto.id !== undefined && dto.id !== null) route.id = dto.id;
  return route;
}

function normaliseInstance(
  dto: InstanceBodyDto,
  extras: JsonObject,
  overrideExtras: JsonObject,
): InstanceConfig {
  const override: InstanceConfig['override'] = { ...overrideExtras };
  if (typeof dto.override?.endpoint === 'string') override.endpoint = dto.override.endpoint;
  return {
    name: dto.name,
    provider: dto.provider,
    protocol: dto.protocol ?? nativeProtocol(dto.provider),
    weight: dto.weight ?? 1,
    priority: dto.priority ?? 0,
    auth: { header: { ...(dto.auth?.header ?? {}) }, query: { ...(dto.auth?.query ?? {}) } },
    options: dto.options ?? {},
    defaults: dto.defaults ?? {},
    conversion: dto.conversion ?? {},
    override,
    enabled: dto.enabled ?? true,
    extras,
  };
}
