import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `routes` (see migrations/1763840000000-create-route-tables.ts). Instances live in `instances`. */
@Entity({ name: 'routes' })
export class RouteEntity {
  @PrimaryColumn('varchar', { length: 100 })
  id!: string;

  @Column('varchar', { length: 100 })
  name!: string;

  @Column('text', { array: true })
  models!: string[];

  @Column('text', { array: true })
  advertise!: string[];

  @Column('boolean')
  enabled!: boolean;

  @Column('jsonb')
  balancer!: object;

  @Column('text', { array: true })
  fallback_strategy!: string[];

  @Column('integer', { array: true })
  fallback_http_statuses!: number[];

  @Column('integer', { nullable: true })
  max_retries!: number | null;

  @Column('integer')
  timeout!: number;

  @Column('integer', { nullable: true })
  first_byte_timeout!: number | null;

  @Column('integer', { nullable: true })
  total_timeout!: number | null;

  @Column('jsonb')
  circuit_breaker!: object;

  @Column('jsonb')
  extras!: object;

  @Column('integer')
  version!: number;

  @Column('timestamptz')
  created_at!: Date;

  @Column('timestamptz')
  updated_at!: Date;
}
