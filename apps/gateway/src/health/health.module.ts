import { Module } from '@nestjs/common';
import { RouteTableModule } from '@switchboard/routes';
import { HealthController } from './health.controller';

@Module({ imports: [RouteTableModule], controllers: [HealthController] })
export class HealthModule {}
