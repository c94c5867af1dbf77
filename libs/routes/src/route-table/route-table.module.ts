import { Module } from '@nestjs/common';
import { RouteTable } from './route-table';

@Module({
  providers: [RouteTable],
  exports: [RouteTable],
})
export class RouteTableModule {}
