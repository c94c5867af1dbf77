import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { processLoggerFor } from '@switchboard/telemetry';
import { applyServerLimits } from '@switchboard/common/http';
import { listen, type StartedApp } from '@switchboard/common/nest';
import { type Core } from '@switchboard/core';
import { gatewayEarlyErrorBody } from './errors/early-error-body';
import { LiveExchanges } from '@switchboard/proxy';
import { GatewayAppModule } from './gateway-app.module';

/** How long the cut requests get to write their in-stream error or 503 before the sockets close. */
const CUT_WRITE_WAIT_MS = 1000;

/** Builds the data-plane app (not listening yet). Shared by every entry point and the test helpers. */
export async function createGatewayApp(core: Core): Promise<NestExpressApplication> {
  const logger = processLoggerFor(core.config);
  core.replica.roles.add('gateway');
  const app = await NestFactory.create<NestExpressApplication>(GatewayAppModule.forRoot(core), {
    logger,
    bodyParser: false,
    rawBody: true,
  });
  app.useBodyParser('json', { limit: core.config.maxBodySize });
  app.disable('x-powered-by');
  applyServerLimits(app.getHttpServer(), core.config, gatewayEarlyErrorBody);
  return app;
}

/** The data plane on GATEWAY_HOST:GATEWAY_PORT. */
export async function startGateway(core: Core): Promise<StartedApp> {
  const app = await createGatewayApp(core);
  const { gatewayHost, gatewayPort, shutdownGraceMs } = core.config;
  const live = app.get(LiveExchanges);
  return listen(app, gatewayHost, gatewayPort, shutdownGraceMs, {
    beforeCut: async () => {
      const cut = await live.cutAll(CUT_WRITE_WAIT_MS);
      if (cut > 0) {
        new Logger('Shutdown').warn(
          `Grace period of ${shutdownGraceMs} ms over: cut ${cut} request(s) still in flight, each told in its client's protocol.`,
        );
      }
    },
  });
}
