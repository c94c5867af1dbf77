import type { ErrorDetail } from '@switchboard/common/errors';
import type { RouteConfig } from '../route.types';

/** Checks an instance's `model_info` (`prefix` ends with `model_info.`): every problem, and the clean value. */
export type ModelInfoCheck = (value: unknown, prefix: string) => { details: ErrorDetail[]; value: unknown };

/**
 * Extra `warnings` for a route's GET and write answers (e.g. instance models the model catalogue does not
 * know). Provided by the catalogue's admin module; without a provider routes answer as before.
 */
export const ROUTE_MODEL_WARNINGS = Symbol('ROUTE_MODEL_WARNINGS');

export interface RouteModelWarnings {
  warningsFor(route: RouteConfig): Promise<string[]>;
  /** Validates instance `model_info` against the catalogue's entry rules; without it, any object is kept. */
  checkModelInfo?: ModelInfoCheck;
}
