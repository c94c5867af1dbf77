import { type StartedApp } from '@switchboard/common/nest';
import { type Core } from '@switchboard/core';
import { startAdmin } from '../../admin/src/admin.bootstrap';
import { startGateway } from '../../gateway/src/gateway.bootstrap';

/** Both apps on one core (one DataSource, one RouteChangeBus): what `npm start` runs. */
export async function startBothApps(core: Core): Promise<StartedApp[]> {
  const gateway = await startGateway(core);
  try {
    return [gateway, await startAdmin(core)];
  } catch (error) {
    await gateway.close().catch(() => undefined);
    throw error;
  }
}
