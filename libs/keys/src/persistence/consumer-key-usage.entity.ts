import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Tokens and USD a key used in one period (`day:2026-12-07`, `month:2026-12`, `total`): budgets survive restarts. */
@Entity({ name: 'consumer_key_usage' })
export class ConsumerKeyUsageEntity {
  @PrimaryColumn('uuid')
  key_id!: string;

  @PrimaryColumn('varchar', { length: 20 })
  period!: string;

  @Column('bigint')
  tokens!: string;

  /** USD spent, in nano-dollars (the unit of the live budget counters). */
  @Column('bigint')
  spend_nano_usd!: string;
}
