import { Controller, Get, Inject, Param } from '@nestjs/common';
import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { CORE, type Core } from '@switchboard/core';
import { InstanceHealthRegistry, type InstanceHealthView } from '@switchboard/proxy';
import { RouteRepository } from '@switchboard/routes/persistence/route.repository';

/** Where the breaker states of an answer come from. */
export interface ReplicaView {
  id: string;
  /** False in an admin-only process (`start:admin`): no traffic passes here, so every breaker reads closed. */
  serves_traffic: boolean;
}

export interface RouteHealthView {
  replica: ReplicaView;
  instances: InstanceHealthView[];
}

/** GET /admin/routes/:id/health: passive health of a route's instances (behind the admin auth middleware). */
@Controller('admin/routes')
export class InstanceHealthController {
  constructor(
    private readonly health: InstanceHealthRegistry,
    private readonly routes: RouteRepository,
    @Inject(CORE) private readonly core: Core,
  ) {}

  @Get(':id/health')
  async routeHealth(@Param('id') id: string): Promise<RouteHealthView> {
    const route = await this.routes.findById(id);
    if (route === null) throw new GatewayError(GatewayErrorCode.NOT_FOUND, `Route '${id}' not found.`);
    const { replica } = this.core;
    return {
      replica: { id: replica.id, serves_traffic: replica.roles.has('gateway') },
      instances: this.health.report(
        route.id,
        route.instances.map((instance) => instance.name),
      ),
    };
  }
}
