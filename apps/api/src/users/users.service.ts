import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AuditService } from '@rectiflow/audit';
import { AuthUser, hashPassword, type Role } from '@rectiflow/auth';
import { AppError, NotFoundError } from '@rectiflow/common';
import { AppUserEntity, UnitEntity } from '@rectiflow/persistence';
import { fieldChanges } from '../audit/field-changes';
import { LoginLimiterService } from '../auth/login-limiter.service';
import { RefreshTokenService } from '../auth/refresh-token.service';
import { isDuplicateKeyError } from '../units/duplicate-key';
import { roleUnitProblem } from './role-unit-rule';
import type { CreateUserDto, UpdateUserDto, UserDto, UserPageDto, UserQueryDto } from './user.dto';

/** Account administration. Never returns passwordHash: the column is not selected and UserDto has no such field. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(AppUserEntity) private readonly users: Repository<AppUserEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    private readonly refreshTokens: RefreshTokenService,
    private readonly audit: AuditService,
    private readonly loginLimiter: LoginLimiterService,
  ) {}

  async list(q: UserQueryDto): Promise<UserPageDto> {
    const qb = this.users.createQueryBuilder('u');
    if (q.unitId !== undefined) qb.andWhere('u.unitId = :unitId', { unitId: q.unitId });
    if (q.role !== undefined) qb.andWhere('u.role = :role', { role: q.role });
    if (q.active !== undefined) qb.andWhere('u.active = :active', { active: q.active });
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, '\\$&')}%`;
      qb.andWhere('(u.username LIKE :like OR u.displayName LIKE :like)', { like });
    }
    const [rows, total] = await qb
      .orderBy('u.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.toDtos(rows), total, page: q.page, pageSize: q.pageSize };
  }

  async get(id: number): Promise<UserDto> {
    return (await this.toDtos([await this.find(id)]))[0];
  }

  async create(dto: CreateUserDto, actor: AuthUser, ip: string): Promise<UserDto> {
    await this.checkRoleFitsUnit(dto.role, dto.unitId);
    const username = dto.username.trim();
    if (await this.users.existsBy({ username })) throw duplicateUsername(username);
    const row = this.users.create({
      username,
      passwordHash: await hashPassword(dto.password),
      displayName: dto.displayName.trim(),
      role: dto.role,
      unitId: dto.unitId,
      email: dto.email ?? null,
      phone: dto.phone ?? null,
      isUnitHead: dto.isUnitHead ?? false,
      active: true,
    });
    let id: number;
    try {
      id = Number((await this.users.insert(row)).identifiers[0].id);
    } catch (err) {
      if (isDuplicateKeyError(err)) throw duplicateUsername(username);
      throw err;
    }
    await this.audit.record({
      actor,
      action: 'user.create',
      entityType: 'app_user',
      entityId: id,
      ip,
      payload: {
        username,
        displayName: row.displayName,
        role: row.role,
        unitId: row.unitId,
        isUnitHead: row.isUnitHead,
      },
    });
    return this.get(id);
  }

  async update(id: number, dto: UpdateUserDto, actor: AuthUser, ip: string): Promise<UserDto> {
    const user = await this.find(id);
    if (id === actor.id && (dto.active === false || (dto.role !== undefined && dto.role !== user.role)))
      throw new AppError('CONFLICT', '不能停用自己的账号或更改自己的角色（请由另一位管理员操作）');
    if (dto.role !== undefined || dto.unitId !== undefined)
      await this.checkRoleFitsUnit(dto.role ?? user.role, dto.unitId ?? user.unitId);

    const patch: Partial<AppUserEntity> = {
      displayName: dto.displayName?.trim(),
      role: dto.role,
      unitId: dto.unitId,
      email: dto.email,
      phone: dto.phone,
      active: dto.active,
      isUnitHead: dto.isUnitHead,
    };
    const changes = fieldChanges(user, patch);
    if (Object.keys(changes).length === 0) return this.get(id);
    await this.users.update(
      { id },
      Object.fromEntries(Object.keys(changes).map((k) => [k, patch[k as keyof AppUserEntity]])),
    );
    // The guard reloads the account per request, so the old access token is refused at once; refresh sessions end.
    if (dto.active === false) await this.refreshTokens.revokeAllForUser(id);
    await this.audit.record({
      actor,
      action: 'user.update',
      entityType: 'app_user',
      entityId: id,
      ip,
      payload: { changes },
    });
    return this.get(id);
  }

  /** Lifts a lockout after too many failed logins, keeping the password and the sessions. */
  async unlock(id: number, actor: AuthUser, ip: string): Promise<UserDto> {
    const user = await this.find(id);
    await this.users.update({ id }, { failedLogins: 0, lockedUntil: null });
    await this.loginLimiter.clearUsername(user.username);
    await this.audit.record({ actor, action: 'user.unlock', entityType: 'app_user', entityId: id, ip });
    return this.get(id);
  }

  /** Sets a new password, clears the lockout and ends every session of the account. */
  async resetPassword(id: number, password: string, actor: AuthUser, ip: string): Promise<void> {
    await this.find(id);
    await this.users.update(
      { id },
      { passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null },
    );
    await this.refreshTokens.revokeAllForUser(id);
    await this.audit.record({
      actor,
      action: 'user.password_reset',
      entityType: 'app_user',
      entityId: id,
      ip,
    });
  }

  private async find(id: number): Promise<AppUserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundError('用户', id);
    return user;
  }

  /** 404 for a missing unit, 400 (field unitId) when the role does not belong in that kind of unit. */
  private async checkRoleFitsUnit(role: Role, unitId: number): Promise<void> {
    const unit = await this.units.findOneBy({ id: unitId });
    if (!unit) throw new NotFoundError('单位', unitId);
    const problem = roleUnitProblem(role, unit.kind);
    if (problem)
      throw new AppError('VALIDATION_FAILED', `请求参数无效 — unitId: ${problem}`, {
        fields: { unitId: [problem] },
      });
  }

  private async toDtos(rows: AppUserEntity[]): Promise<UserDto[]> {
    const ids = [...new Set(rows.map((r) => r.unitId))];
    const units = ids.length ? await this.units.findBy({ id: In(ids) }) : [];
    const names = new Map(units.map((u) => [u.id, u.name]));
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      role: r.role,
      unitId: r.unitId,
      unitName: names.get(r.unitId) ?? '',
      email: r.email,
      phone: r.phone,
      active: r.active,
      isUnitHead: r.isUnitHead,
      failedLogins: r.failedLogins,
      lockedUntil: r.lockedUntil?.toISOString() ?? null,
      lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }));
  }
}

function duplicateUsername(username: string): AppError {
  return new AppError('DUPLICATE', `用户名 ${username} 已被使用`, { field: 'username', value: username });
}
