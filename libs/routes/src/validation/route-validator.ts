import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { ErrorDetail } from '@switchboard/common/errors';
import type { ModelInfoCheck } from '../admin/route-model-warnings';
import { collectErrors } from './dto-errors';
import { RouteBodyDto } from './dto/route-body.dto';
import { checkInstances } from './instance-checks';
import { findProtoKeys, isPlainObject, validationFailed, type JsonObject } from './json-body';
import { takeRouteBodyExtras } from './route-body-extras';
import { checkAdvertise, checkBalancer } from './route-checks';
import type { ValidatedRoute } from './route-input';
import { normaliseRoute } from './route-normaliser';

export interface RouteValidationOptions {
  /** The model catalogue's check of instance `model_info` (provided with ROUTE_MODEL_WARNINGS). */
  checkModelInfo?: ModelInfoCheck;
}

/**
 * Validates a route body (POST/PUT, or a PATCH already merged over the stored route) and normalises it with
 * every default filled in. Throws GatewayError(VALIDATION_FAILED) listing every invalid field.
 * Secrets are not resolved here: "******" placeholders pass through and are resolved against the stored route.
 */
export function validateRouteBody(raw: unknown, options: RouteValidationOptions = {}): ValidatedRoute {
  const details: ErrorDetail[] = [];
  const warnings: string[] = [];
  if (!isPlainObject(raw)) {
    throw validationFailed([{ path: '', message: 'the body must be a JSON object' }]);
  }

  const forbidden = findProtoKeys(raw, '');
  if (forbidden.length > 0) throw validationFailed(forbidden);

  const body: JsonObject = { ...raw };
  const extras = takeRouteBodyExtras(body, details, warnings, options.checkModelInfo);

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
  return { route: normaliseRoute(dto, extras), warnings };
}
