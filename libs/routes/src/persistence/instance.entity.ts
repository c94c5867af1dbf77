import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `instances`: one provider instance of a route, kept in the route's order by `position`. */
@Entity({ name: 'instances' })
export class InstanceEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('varchar', { length: 100 })
  route_id!: string;

  @Column('integer')
  position!: number;

  @Column('varchar', { length: 100 })
  name!: string;

  @Column('varchar', { length: 40 })
  provider!: string;

  @Column('varchar', { length: 40 })
  protocol!: string;

  @Column('integer')
  weight!: number;

  @Column('integer')
  priority!: number;

  @Column('jsonb')
  auth!: object;

  @Column('jsonb')
  options!: object;

  @Column('jsonb')
  defaults!: object;

  @Column('jsonb')
  conversion!: object;

  @Column('jsonb')
  override!: object;

  @Column('boolean')
  enabled!: boolean;

  @Column('jsonb')
  extras!: object;

  @Column('timestamptz')
  created_at!: Date;

  @Column('timestamptz')
  updated_at!: Date;
}
