import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `consumer_keys`: only the SHA-256 of a key is stored, never the key. */
@Entity({ name: 'consumer_keys' })
export class ConsumerKeyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('varchar', { length: 100 })
  name!: string;

  @Column('char', { length: 64 })
  key_hash!: string;

  @Column('varchar', { length: 20 })
  key_prefix!: string;

  /** The hash a rotation replaced, accepted until previous_key_expires_at. */
  @Column('char', { length: 64, nullable: true })
  previous_key_hash!: string | null;

  @Column('timestamptz', { nullable: true })
  previous_key_expires_at!: Date | null;

  /** Null: every model. */
  @Column('text', { array: true, nullable: true })
  models!: string[] | null;

  @Column('integer', { nullable: true })
  rpm!: number | null;

  @Column('integer', { nullable: true })
  tpm!: number | null;

  @Column('bigint', { nullable: true })
  budget_tokens!: string | null;

  @Column('double precision', { nullable: true })
  budget_usd!: number | null;

  @Column('varchar', { length: 10, nullable: true })
  budget_period!: string | null;

  @Column('timestamptz', { nullable: true })
  expires_at!: Date | null;

  @Column('boolean')
  enabled!: boolean;

  @Column('jsonb')
  metadata!: object;

  @Column('timestamptz', { nullable: true })
  last_used_at!: Date | null;

  @Column('integer')
  version!: number;

  @Column('timestamptz')
  created_at!: Date;

  @Column('timestamptz')
  updated_at!: Date;
}
