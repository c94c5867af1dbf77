import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { RouteRepository, type RouteWriteTransaction } from '../persistence/route.repository';
import { RouteChangeBus } from '../route-change.bus';
import type { RouteConfig } from '../route.types';
import { ROUTE_ID_PATTERN } from '../validation/dto/route-body.dto';
import type { RouteInput } from '../validation/route-input';
import { isPlainObject, validationFailed } from '../validation/json-body';
import { validateRouteBody, type RouteValidationOptions } from '../validation/route-validator';
import { parseListQuery } from './list-query';
import { mergePatch } from './merge-patch';
import { toRouteView, type RouteView } from './route-view';
import { resolveSecretPlaceholders } from './secret-placeholders';
import { ROUTE_MODEL_WARNINGS, type RouteModelWarnings } from './route-model-warnings';

export interface RouteList {
  items: RouteView[];
  total: number;
  page: number;
  page_size: number;
}

export interface PutResult {
  created: boolean;
  route: RouteView;
}

/**
 * The admin API's use cases over the route table. Every write: validate (400 listing every field) →
 * one transaction (404/409 checks, secrets, store) → publish on the RouteChangeBus so this process's
 * RouteTable holds the change before the response leaves.
 */
@Injectable()
export class RoutesAdminService {
  constructor(
    private readonly repository: RouteRepository,
    private readonly bus: RouteChangeBus,
    @Optional() @Inject(ROUTE_MODEL_WARNINGS) private readonly modelWarnings?: RouteModelWarnings,
  ) {}

  async list(query: Record<string, unknown>): Promise<RouteList> {
    const { page, pageSize, model } = parseListQuery(query);
    const { items, total } = await this.repository.list(page, pageSize, model);
    return { items: items.map((route) => toRouteView(route, true)), total, page, page_size: pageSize };
  }

  async get(id: string): Promise<RouteView> {
    const route = await this.findOrThrow(id);
    const warnings = await this.modelWarningsOf(route);
    const view = toRouteView(route, true);
    return warnings.length > 0 ? { ...view, warnings } : view;
  }

  async create(body: unknown): Promise<RouteView> {
    const { route, warnings } = validateRouteBody(body, this.validation);
    const id = route.id ?? randomUUID();
    const stored = await this.write(async (tx) => {
      if (await tx.find(id))
        throw conflict(`route id "${id}" already exists (PUT /admin/routes/${id} replaces it)`);
      await this.checkWrite(tx, id, route, null);
      return tx.insert(id, route);
    });
    return { ...toRouteView(stored, true), warnings: [...warnings, ...(await this.modelWarningsOf(stored))] };
  }

  async put(id: string, body: unknown): Promise<PutResult> {
    checkPathId(id);
    if (isPlainObject(body) && body.id !== undefined && body.id !== id) {
      throw validationFailed([
        { path: 'id', message: `id "${String(body.id)}" does not match the path id "${id}"` },
      ]);
    }
    const { route, warnings } = validateRouteBody(body, this.validation);
    let created = false;
    const stored = await this.write(async (tx) => {
      const previous = await tx.find(id);
      await this.checkWrite(tx, id, route, previous);
      created = previous === null;
      return previous ? tx.replace(previous, route) : tx.insert(id, route);
    });
    const allWarnings = [...warnings, ...(await this.modelWarningsOf(stored))];
    return { created, route: { ...toRouteView(stored, true), warnings: allWarnings } };
  }

  async patch(id: string, body: unknown): Promise<RouteView> {
    if (!isPlainObject(body))
      throw validationFailed([{ path: '', message: 'the body must be a JSON object' }]);
    if (body.id !== undefined && body.id !== id) {
      throw validationFailed([
        { path: 'id', message: `id "${String(body.id)}" does not match the path id "${id}"` },
      ]);
    }
    let warnings: string[] = [];
    const stored = await this.write(async (tx) => {
      const previous = await tx.find(id);
      if (!previous) throw notFound(id);
      const validated = validateRouteBody(mergePatch(toRouteView(previous, false), body), this.validation);
      warnings = validated.warnings;
      await this.checkWrite(tx, id, validated.route, previous);
      return tx.replace(previous, validated.route);
    });
    return { ...toRouteView(stored, true), warnings: [...warnings, ...(await this.modelWarningsOf(stored))] };
  }

  async delete(id: string): Promise<void> {
    const { revision } = await this.repository.write(async (tx) => {
      if (!(await tx.delete(id))) throw notFound(id);
    });
    this.bus.publish({ id, version: null, deleted: true, revision });
  }

  private get validation(): RouteValidationOptions {
    return { checkModelInfo: this.modelWarnings?.checkModelInfo };
  }

  /** Never fails the request: a broken warnings source only costs the warnings. */
  private async modelWarningsOf(route: RouteConfig): Promise<string[]> {
    if (this.modelWarnings === undefined) return [];
    return this.modelWarnings.warningsFor(route).catch(() => []);
  }

  private async findOrThrow(id: string): Promise<RouteConfig> {
    const route = await this.repository.findById(id);
    if (!route) throw notFound(id);
    return route;
  }

  /** Runs a route write, maps unique violations to 409, then publishes the stored route in-process. */
  private async write(work: (tx: RouteWriteTransaction) => Promise<RouteConfig>): Promise<RouteConfig> {
    try {
      const { result, revision } = await this.repository.write(work);
      this.bus.publish({ id: result.id, version: result.version, route: result, revision });
      return result;
    } catch (error) {
      throw uniqueViolationAsConflict(error);
    }
  }

  /** 409 for a taken name or an exact model served by another enabled route; 400 for unresolvable "******". */
  private async checkWrite(
    tx: RouteWriteTransaction,
    id: string,
    route: RouteInput,
    previous: RouteConfig | null,
  ): Promise<void> {
    const owner = await tx.nameOwner(route.name, id);
    if (owner !== null) throw conflict(`route name "${route.name}" is already used by route "${owner}"`);
    if (route.enabled) {
      const conflicts = await tx.exactModelConflicts(route.models, id);
      if (conflicts.length > 0) {
        throw conflict(
          conflicts
            .map((found) => `model "${found.model}" is already served by enabled route "${found.routeName}"`)
            .join('; '),
          conflicts.map((found) => ({
            path: `models.${route.models.indexOf(found.model)}`,
            message: `already served by enabled route "${found.routeName}" (id "${found.routeId}")`,
          })),
        );
      }
    }
    const secretErrors = resolveSecretPlaceholders(route, previous);
    if (secretErrors.length > 0) throw validationFailed(secretErrors);
  }
}

function checkPathId(id: string): void {
  if (!ROUTE_ID_PATTERN.test(id)) {
    throw validationFailed([
      {
        path: 'id',
        message: 'id must be a slug: letters, digits, ".", "_", "-" (max 100), starting alphanumeric',
      },
    ]);
  }
}

function notFound(id: string): GatewayError {
  return new GatewayError(GatewayErrorCode.NOT_FOUND, `route "${id}" not found`);
}

function conflict(message: string, details: { path: string; message: string }[] = []): GatewayError {
  return new GatewayError(GatewayErrorCode.CONFLICT, message, { details });
}

function uniqueViolationAsConflict(error: unknown): unknown {
  const driverError = error as { code?: unknown; constraint?: unknown; driverError?: { code?: unknown } };
  const code = driverError.code ?? driverError.driverError?.code;
  if (code !== '23505') return error;
  return conflict(
    `the route conflicts with a stored one (${String(driverError.constraint ?? 'unique constraint')})`,
  );
}
