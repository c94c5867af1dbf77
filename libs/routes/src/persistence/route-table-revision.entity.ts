import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The single row bumped (and locked) by every route write; other processes poll it to notice changes. */
@Entity({ name: 'route_table_revision' })
export class RouteTableRevisionEntity {
  @PrimaryColumn('smallint')
  id!: number;

  /** bigint comes back from pg as a string. */
  @Column('bigint')
  revision!: string;

  @Column('timestamptz')
  updated_at!: Date;
}
