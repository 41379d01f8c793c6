import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One year's 放假 dates and 调休 working weekends as an administrator loaded them (overrides shipped data). */
@Entity('calendar_year')
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'smallint' })
  year!: number;

  /** YYYY-MM-DD, sorted. */
  @Column({ type: 'json' })
  holidays!: string[];

  @Column({ type: 'json' })
  workdays!: string[];

  @Column({ type: 'int', nullable: true })
  updatedById!: number | null;

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
