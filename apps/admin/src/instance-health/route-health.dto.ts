import { ApiProperty } from '@nestjs/swagger';

const STATES = ['closed', 'open', 'half_open'];

export class InstanceHealthDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STATES }) state!: string;
  @ApiProperty() consecutive_failures!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null when closed.' })
  open_until!: string | null;
}

export class ReplicaInstanceHealthDto extends InstanceHealthDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it last went open; null when closed.',
  })
  opened_at!: string | null;
}

export class AnsweringReplicaDto {
  @ApiProperty({ description: '`<hostname>/<pid>` of the process that answered.' }) id!: string;
  @ApiProperty({
    description:
      'False in an admin-only process (`start:admin`): no traffic passes there, its own view reads closed.',
  })
  serves_traffic!: boolean;
}

export class ReplicaBreakerViewDto {
  @ApiProperty({ description: 'The replica id, as in GET /admin/replicas.' }) id!: string;
  @ApiProperty() host!: string;
  @ApiProperty() pid!: number;
  @ApiProperty({ format: 'date-time', description: 'Its latest heartbeat, which carried this view.' })
  last_seen!: string;
  @ApiProperty({ description: 'No heartbeat for three intervals: probably gone, the view is outdated.' })
  stale!: boolean;
  @ApiProperty({ type: [ReplicaInstanceHealthDto] }) instances!: ReplicaInstanceHealthDto[];
}

export class RouteHealthDto {
  @ApiProperty({ type: AnsweringReplicaDto, description: 'Whose view `instances` is.' })
  replica!: AnsweringReplicaDto;
  @ApiProperty({ type: [InstanceHealthDto], description: "The answering process's own breakers, live." })
  instances!: InstanceHealthDto[];
  @ApiProperty({
    type: [ReplicaBreakerViewDto],
    description:
      'Every serving replica (a process running the gateway) with its breakers as of its latest heartbeat ' +
      '(every TELEMETRY_FLUSH_INTERVAL_MS); stale ones included and marked.',
  })
  replicas!: ReplicaBreakerViewDto[];
}
