import { Controller, Get, Param } from '@nestjs/common';
import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { RouteRepository } from '@switchboard/routes/persistence/route.repository';
import { InstanceHealthRegistry, type InstanceHealthView } from './instance-health.registry';

/** GET /admin/routes/:id/health: passive health of a route's instances (behind the admin auth middleware). */
@Controller('admin/routes')
export class InstanceHealthController {
  constructor(
    private readonly health: InstanceHealthRegistry,
    private readonly routes: RouteRepository,
  ) {}

  @Get(':id/health')
  async routeHealth(@Param('id') id: string): Promise<{ instances: InstanceHealthView[] }> {
    const route = await this.routes.findById(id);
    if (route === null) throw new GatewayError(GatewayErrorCode.NOT_FOUND, `Route '${id}' not found.`);
    return {
      instances: this.health.report(
        route.id,
        route.instances.map((instance) => instance.name),
      ),
    };
  }
}
