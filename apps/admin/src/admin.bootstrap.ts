import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { processLoggerFor } from '@switchboard/telemetry';
import { applyServerLimits } from '@switchboard/common/http';
import { listen, type StartedApp } from '@switchboard/common/nest';
import { type Core } from '@switchboard/core';
import { AdminAppModule } from './admin-app.module';
import { adminAuthMiddleware } from './auth/admin-auth.middleware';
import { resolveAdminToken } from './auth/admin-token';
import { dashboardMiddleware } from './dashboard/dashboard-static';
import { adminEarlyErrorBody } from './errors/admin-early-error-body';
import { jsonBodyMiddleware } from './errors/json-body.middleware';
import { adminInputMiddleware } from './input/admin-input.middleware';
import { setupAdminOpenApi } from './openapi/admin-openapi';

export interface StartedAdmin extends StartedApp {
  /** The token /admin/* calls need (ADMIN_TOKEN, or the one kept in DATA_DIR/admin-token). */
  readonly adminToken: string;
}

/** Builds the control-plane app (not listening yet). Shared by every entry point and the test helpers. */
export async function createAdminApp(
  core: Core,
): Promise<{ app: NestExpressApplication; adminToken: string }> {
  const logger = processLoggerFor(core.config);
  const adminToken = resolveAdminToken(core.config);
  core.replica.roles.add('admin');
  const app = await NestFactory.create<NestExpressApplication>(AdminAppModule.forRoot(core), {
    logger,
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.use(dashboardMiddleware());
  applyServerLimits(app.getHttpServer(), core.config, adminEarlyErrorBody);
  app.use(adminAuthMiddleware(adminToken));
  app.use(jsonBodyMiddleware);
  app.useBodyParser('json', { limit: core.config.maxBodySize });
  app.use(adminInputMiddleware);
  setupAdminOpenApi(app);
  return { app, adminToken };
}

/** The control plane on ADMIN_HOST:ADMIN_PORT. */
export async function startAdmin(core: Core): Promise<StartedAdmin> {
  const { app, adminToken } = await createAdminApp(core);
  const { adminHost, adminPort, shutdownGraceMs } = core.config;
  const started = await listen(app, adminHost, adminPort, shutdownGraceMs);
  return { ...started, adminToken };
}
