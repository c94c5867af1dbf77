import { RequestMethod, type Type } from '@nestjs/common';
import { loadConfig } from '@switchboard/config';
import { type Core } from '@switchboard/core';
import { AdminAppModule } from '../../../../apps/admin/src/admin-app.module';

/**
 * The dashboard reads APIs other branches add (issue 12 telemetry, issue 13 keys and the read-only token). The
 * checks that need them run only where the admin app has them, decided when jest collects the tests (it cannot
 * skip at run time): the GET routes the real AdminAppModule declares, and whether the config reads
 * ADMIN_READONLY_TOKEN. Once those branches are merged, every guarded check runs without an edit here.
 */
export const ADMIN_GET_ROUTES = declaredGetRoutes();

export const HAS_TELEMETRY_API =
  ADMIN_GET_ROUTES.has('admin/stats') && ADMIN_GET_ROUTES.has('admin/requests');
export const HAS_KEYS_API = ADMIN_GET_ROUTES.has('admin/keys');
export const HAS_READONLY_TOKEN = (() => {
  const token = 'dashboard-probe-readonly-token-0123456789';
  return Object.values(loadConfig({ ADMIN_READONLY_TOKEN: token })).includes(token);
})();

/** `it` when the API exists, else `it.skip` with the reason in the test's name. */
export function itWhen(available: boolean, api: string) {
  return (name: string, test: () => Promise<void>, timeout?: number) =>
    available
      ? it(name, test, timeout)
      : it.skip(`${name} [skipped: the ${api} API is not in this build]`, test);
}

function declaredGetRoutes(): Set<string> {
  // Nothing is instantiated: forRoot only builds the module description; core's values are never read.
  const inert = new Proxy({}, { get: () => inert }) as unknown as Core;
  const routes = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (entry: unknown): void => {
    if (!entry || seen.has(entry)) return;
    seen.add(entry);
    const dynamic = entry as { module?: Type; imports?: unknown[]; controllers?: Type[] };
    const module = (typeof entry === 'function' ? entry : dynamic.module) as Type | undefined;
    const controllers = [
      ...((module && (Reflect.getMetadata('controllers', module) as Type[])) ?? []),
      ...(dynamic.controllers ?? []),
    ];
    for (const controller of controllers) {
      const base = String(Reflect.getMetadata('path', controller) ?? '').replace(/^\/|\/$/g, '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name] as object;
        if (Reflect.getMetadata('method', handler) !== RequestMethod.GET) continue;
        const path = String(Reflect.getMetadata('path', handler) ?? '').replace(/^\/|\/$/g, '');
        routes.add([base, path].filter(Boolean).join('/'));
      }
    }
    const imports = [
      ...((module && (Reflect.getMetadata('imports', module) as unknown[])) ?? []),
      ...(dynamic.imports ?? []),
    ];
    imports.forEach(visit);
  };
  visit(AdminAppModule.forRoot(inert));
  return routes;
}
