import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last 文号 allocated per (prefix, year); locked FOR UPDATE while the next one is taken. */
@Entity('letter_sequence')
export class LetterSequenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  prefix!: string;

  @PrimaryColumn({ type: 'smallint', unsigned: true })
  year!: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  lastSeq!: number;
}
