import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@rectiflow/auth';

/** A person's account. `passwordHash` is argon2id and must never leave the server (response DTOs omit it). */
@Entity('app_user')
export class AppUserEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Index('uq_app_user_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  @Column({ type: 'int' })
  unitId!: number;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** 单位负责人 — the first responsible person (第一责任人) who receives 督办 for the unit. */
  @Column({ type: 'boolean', default: false })
  isUnitHead!: boolean;

  /** Consecutive failed logins from any IP; reset by a successful login or a password reset. */
  @Column({ type: 'int', default: 0 })
  failedLogins!: number;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
