import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RouteTable } from '@switchboard/routes';
import { type Response } from 'express';

/** Liveness and readiness for load balancers and orchestrators. */
@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(private readonly routeTable: RouteTable) {}

  /** The process is alive and serving HTTP. */
  @Get('healthz')
  @HttpCode(200)
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 once the route table is loaded, 503 before (take no traffic yet). */
  @Get('readyz')
  readyz(@Res({ passthrough: true }) response: Response): { status: 'ready' | 'not_ready' } {
    if (this.routeTable.isReady()) return { status: 'ready' };
    response.status(503);
    return { status: 'not_ready' };
  }
}
