import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One refresh token, stored only as its SHA-256. Each refresh revokes the presented token and issues its
 * successor (replacedById) in the same family; presenting a token that was already replaced means it leaked,
 * so the whole family is revoked.
 */
@Entity('refresh_token')
export class RefreshTokenEntity {
  /** BIGINT: mysql2 hands it over as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Index('ix_refresh_token_user')
  @Column({ type: 'int' })
  userId!: number;

  /** The login session the token descends from; every rotation keeps it. */
  @Index('ix_refresh_token_family')
  @Column({ type: 'char', length: 36 })
  familyId!: string;

  @Index('uq_refresh_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'bigint', nullable: true })
  replacedById!: string | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'varchar', length: 255, nullable: true })
  userAgent!: string | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;
}
