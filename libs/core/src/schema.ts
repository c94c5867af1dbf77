import { type DatabaseSchema } from '@switchboard/database';
import { InstanceEntity } from '@switchboard/routes/persistence/instance.entity';
import { RouteTableRevisionEntity } from '@switchboard/routes/persistence/route-table-revision.entity';
import { RouteEntity } from '@switchboard/routes/persistence/route.entity';
import { ConsumerKeyRevisionEntity } from '@switchboard/keys/persistence/consumer-key-revision.entity';
import { ConsumerKeyUsageEntity } from '@switchboard/keys/persistence/consumer-key-usage.entity';
import { ConsumerKeyEntity } from '@switchboard/keys/persistence/consumer-key.entity';
import { CreateRouteTables1763840000000 } from '../../../migrations/1763840000000-create-route-tables';
import { AddInstanceConversion1763850000000 } from '../../../migrations/1763850000000-add-instance-conversion';
import { CreateTelemetryTables1765100000000 } from '../../../migrations/1765100000000-create-telemetry-tables';
import { CreateModelOverrides1796610000000 } from '../../../migrations/1796610000000-create-model-overrides';
import { AddRouteAdvertise1796611412656 } from '../../../migrations/1796611412656-add-route-advertise';
import { CreateConsumerKeys1765000000000 } from '../../../migrations/1765000000000-create-consumer-keys';
import { EncryptInstanceSecrets1765000100000 } from '../../../migrations/1765000100000-encrypt-instance-secrets';
import { AddCostColumns1796612000000 } from '../../../migrations/1796612000000-add-cost-columns';
import { CreateStoredResponses1796700000000 } from '../../../migrations/1796700000000-create-stored-responses';
import { AddRequestLogDroppedTools1796700100000 } from '../../../migrations/1796700100000-add-request-log-dropped-tools';
import { AddReplicaBreakers1796800000000 } from '../../../migrations/1796800000000-add-replica-breakers';
import { AddKeyUsdBudgets1796810000000 } from '../../../migrations/1796810000000-add-key-usd-budgets';
import { IndexRoutesNameId1796905000000 } from '../../../migrations/1796905000000-index-routes-name-id';

/**
 * Everything the DataSource needs to know about the schema, in one place: entity classes and the ordered
 * migration classes (explicit lists, never globs over dist/, so the same list works under ts and compiled js).
 * Features add their entities and migrations here (libs/database stays free of feature libs).
 */
export const SWITCHBOARD_SCHEMA: DatabaseSchema = {
  entities: [
    RouteEntity,
    InstanceEntity,
    RouteTableRevisionEntity,
    ConsumerKeyEntity,
    ConsumerKeyUsageEntity,
    ConsumerKeyRevisionEntity,
  ],
  migrations: [
    CreateRouteTables1763840000000,
    AddInstanceConversion1763850000000,
    CreateConsumerKeys1765000000000,
    EncryptInstanceSecrets1765000100000,
    CreateTelemetryTables1765100000000,
    CreateModelOverrides1796610000000,
    AddRouteAdvertise1796611412656,
    AddCostColumns1796612000000,
    CreateStoredResponses1796700000000,
    AddRequestLogDroppedTools1796700100000,
    AddReplicaBreakers1796800000000,
    AddKeyUsdBudgets1796810000000,
    IndexRoutesNameId1796905000000,
  ],
};
