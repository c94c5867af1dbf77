import type { ErrorDetail } from '@switchboard/common/errors';
import type { ModelInfoCheck } from '../admin/route-model-warnings';
import {
  INSTANCE_EXTRA_FIELDS,
  OVERRIDE_EXTRA_FIELDS,
  READ_ONLY_FIELDS,
  ROUTE_EXTRA_FIELDS,
} from './apisix-extras';
import { takeInstanceCatalogueFields, takeRouteCatalogueFields } from './catalogue-fields';
import { FALLBACK_TRIGGERS } from './dto/route-body.dto';
import { isPlainObject, type JsonObject } from './json-body';

/** The fields the DTO does not know, taken out of a body (which is left for the DTO to validate). */
export interface RouteBodyExtras {
  routeExtras: JsonObject;
  instanceExtras: JsonObject[];
  overrideExtras: JsonObject[];
}

/**
 * Takes the read-only, not-yet-implemented and catalogue fields out of `body` (a copy of the client's body,
 * changed in place) and reads the legacy fallback_strategy forms, so what is left is the DTO's shape.
 */
export function takeRouteBodyExtras(
  body: JsonObject,
  details: ErrorDetail[],
  warnings: string[],
  checkModelInfo: ModelInfoCheck | undefined,
): RouteBodyExtras {
  for (const field of READ_ONLY_FIELDS) delete body[field];
  const routeExtras = {
    ...takeExtras(body, ROUTE_EXTRA_FIELDS, '', warnings),
    ...takeRouteCatalogueFields(body, details),
  };
  readFallbackStrategy(body, details, warnings);

  const instanceExtras: JsonObject[] = [];
  const overrideExtras: JsonObject[] = [];
  if (Array.isArray(body.instances)) {
    body.instances = body.instances.map((item: unknown, index) => {
      if (!isPlainObject(item)) return item;
      const instance: JsonObject = { ...item };
      instanceExtras[index] = {
        ...takeExtras(instance, INSTANCE_EXTRA_FIELDS, `instances.${index}.`, warnings),
        ...takeInstanceCatalogueFields(instance, `instances.${index}.`, details, checkModelInfo),
      };
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
  return { routeExtras, instanceExtras, overrideExtras };
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
