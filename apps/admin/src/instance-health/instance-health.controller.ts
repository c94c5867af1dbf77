import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { CORE, type Core } from '@switchboard/core';
import { InstanceHealthRegistry, type InstanceHealthView } from '@switchboard/proxy';
import { RouteRepository } from '@switchboard/routes/persistence/route.repository';
import { replicaBreakerViews, STALE_AFTER_HEARTBEATS, type ReplicaBreakerView } from '@switchboard/telemetry';
import { RouteHealthDto } from './route-health.dto';

/** Where the breaker states of an answer come from. */
export interface ReplicaView {
  id: string;
  /** False in an admin-only process (`start:admin`): no traffic passes here, so every breaker reads closed. */
  serves_traffic: boolean;
}

export interface RouteHealthView {
  replica: ReplicaView;
  instances: InstanceHealthView[];
  /** Every serving replica's view, from the breakers each publishes with its heartbeat. */
  replicas: ReplicaBreakerView[];
}

/** GET /admin/routes/:id/health: passive health of a route's instances (behind the admin auth middleware). */
@ApiTags('routes')
@Controller('admin/routes')
export class InstanceHealthController {
  constructor(
    private readonly health: InstanceHealthRegistry,
    private readonly routes: RouteRepository,
    @Inject(CORE) private readonly core: Core,
  ) {}

  @Get(':id/health')
  @ApiOperation({
    summary:
      "Circuit-breaker state of a route's instances: this process's own view and every serving replica's",
  })
  @ApiResponse({ status: 200, type: RouteHealthDto })
  @ApiResponse({ status: 404, description: 'Unknown route id.' })
  async routeHealth(@Param('id') id: string): Promise<RouteHealthView> {
    const route = await this.routes.findById(id);
    if (route === null) throw new GatewayError(GatewayErrorCode.NOT_FOUND, `Route '${id}' not found.`);
    const { replica, config, dataSource } = this.core;
    const names = route.instances.map((instance) => instance.name);
    return {
      replica: { id: replica.id, serves_traffic: replica.roles.has('gateway') },
      instances: this.health.report(route.id, names),
      replicas: await replicaBreakerViews(
        (text, parameters) => dataSource.query(text, parameters),
        route.id,
        names,
        STALE_AFTER_HEARTBEATS * config.telemetryFlushIntervalMs,
      ),
    };
  }
}
