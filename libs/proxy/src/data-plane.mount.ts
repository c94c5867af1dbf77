import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DataPlaneHandler } from './data-plane.handler';

/**
 * Puts the data-plane handler in front of Express on the gateway's HTTP server: /v1/* requests never enter the
 * framework's per-request machinery; everything else (health, readiness) falls through to the Nest app. Only the
 * framework's listener is replaced: the server's other `request` listeners (limits, pipelining bookkeeping) still
 * see every request.
 */
@Injectable()
export class DataPlaneMount implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly handler: DataPlaneHandler,
  ) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (server === undefined) return;
    const framework = this.adapterHost.httpAdapter.getInstance<RequestListener>();
    const listeners = server.listeners('request') as RequestListener[];
    const fallthrough = listeners.includes(framework) ? [framework] : listeners;
    for (const listener of fallthrough) server.removeListener('request', listener);
    const handler = this.handler;
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (handler.handle(req, res)) return;
      for (const listener of fallthrough) listener.call(server, req, res);
    });
  }
}
