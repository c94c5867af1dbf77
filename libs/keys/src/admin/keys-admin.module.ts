import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KeysAdminService } from './keys-admin.service';
import { KeysController } from './keys.controller';
import { ConsumerKeyRepository } from '../persistence/consumer-key.repository';
import { KeyUsageRepository } from '../persistence/key-usage.repository';
import { KeyChangeBus } from '../registry/key-change.bus';

/** /admin/keys (needs the global CoreModule: DataSource and KeyChangeBus). */
@Module({
  controllers: [KeysController],
  providers: [
    {
      provide: KeysAdminService,
      inject: [DataSource, KeyChangeBus],
      useFactory: (dataSource: DataSource, bus: KeyChangeBus) =>
        new KeysAdminService(new ConsumerKeyRepository(dataSource), new KeyUsageRepository(dataSource), bus),
    },
  ],
})
export class KeysAdminModule {}
