import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Tokens a key used in one period (`day:2026-12-07`, `month:2026-12`, `total`): budgets survive restarts. */
@Entity({ name: 'consumer_key_usage' })
export class ConsumerKeyUsageEntity {
  @PrimaryColumn('uuid')
  key_id!: string;

  @PrimaryColumn('varchar', { length: 20 })
  period!: string;

  @Column('bigint')
  tokens!: string;
}
