import type { RouteConfig } from '../route.types';

/**
 * Extra `warnings` for a route's GET and write answers (e.g. instance models the model catalogue does not
 * know). Provided by the catalogue's admin module; without a provider routes answer as before.
 */
export const ROUTE_MODEL_WARNINGS = Symbol('ROUTE_MODEL_WARNINGS');

export interface RouteModelWarnings {
  warningsFor(route: RouteConfig): Promise<string[]>;
}
