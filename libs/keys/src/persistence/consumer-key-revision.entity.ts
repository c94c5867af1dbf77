import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The single row bumped by every key write; other processes poll it to notice revocations and rotations. */
@Entity({ name: 'consumer_key_revision' })
export class ConsumerKeyRevisionEntity {
  @PrimaryColumn('smallint')
  id!: number;

  @Column('bigint')
  revision!: string;
}
