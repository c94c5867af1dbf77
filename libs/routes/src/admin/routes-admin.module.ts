import { Module } from '@nestjs/common';

/** Controllers for /admin/routes. (Stub: filled in by the routes work.) */
@Module({})
export class RoutesAdminModule {}
