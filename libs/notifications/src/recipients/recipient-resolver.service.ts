import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { Role } from '@rectiflow/auth';
import { AppUserEntity, UnitEntity } from '@rectiflow/persistence';
import type { Audience } from '../notification-catalog';

export interface RecipientUser {
  id: number;
  displayName: string;
  email: string | null;
  role: Role;
  isUnitHead: boolean;
}

export interface RecipientUnit {
  id: number;
  name: string;
  contactEmails: string[];
  webhookUrl: string | null;
}

/** One audience member: a person, or a unit (its mailboxes and webhook). */
export type ResolvedRecipient = { audience: Audience } & ({ user: RecipientUser } | { unit: RecipientUnit });

export interface RecipientScope {
  unitId: number;
  previousUnitId?: number | null;
  /** The bureau reviewer in charge (who issued the item), for the `issuer` audience. */
  issuerUserId?: number | null;
}

const USER_FIELDS = { id: true, displayName: true, email: true, role: true, isUnitHead: true } as const;
const UNIT_FIELDS = {
  id: true,
  name: true,
  kind: true,
  parentId: true,
  contactEmails: true,
  webhookUrl: true,
  active: true,
} as const;

/** Turns audiences (notification-catalog) into active people and units, reading the unit tree upwards. */
@Injectable()
export class RecipientResolver {
  constructor(
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(AppUserEntity) private readonly users: Repository<AppUserEntity>,
  ) {}

  async resolve(audiences: readonly Audience[], scope: RecipientScope): Promise<ResolvedRecipient[]> {
    const chain = await this.ancestry(scope.unitId);
    const unit = chain[0];
    const bureau = chain.find((u) => u.kind === 'bureau') ?? null;
    const out: ResolvedRecipient[] = [];
    const push = (audience: Audience, found: Array<{ user: RecipientUser } | { unit: RecipientUnit }>) =>
      found.forEach((f) => out.push({ audience, ...f }));
    for (const audience of audiences) {
      switch (audience) {
        case 'unit':
          if (unit?.active) push(audience, [{ unit: toUnit(unit) }]);
          break;
        case 'bureau':
          if (bureau?.active) push(audience, [{ unit: toUnit(bureau) }]);
          break;
        case 'unit_staff':
          push(
            audience,
            (await this.usersOf([scope.unitId], ['dept_user'])).map((user) => ({ user })),
          );
          break;
        case 'previous_unit_staff':
          if (scope.previousUnitId && scope.previousUnitId !== scope.unitId)
            push(
              audience,
              (await this.usersOf([scope.previousUnitId], ['dept_user'])).map((user) => ({ user })),
            );
          break;
        case 'unit_head':
          push(
            audience,
            (await this.headsOf(chain)).map((user) => ({ user })),
          );
          break;
        case 'issuer':
          if (scope.issuerUserId)
            push(
              audience,
              (
                await this.users.find({
                  where: { id: scope.issuerUserId, active: true },
                  select: USER_FIELDS,
                })
              ).map((user) => ({ user })),
            );
          break;
        case 'parent_unit_users': {
          const parent = chain[1];
          if (parent && parent.kind !== 'bureau' && parent.active)
            push(
              audience,
              (await this.usersOf([parent.id], ['dept_user', 'dept_leader'])).map((user) => ({ user })),
            );
          break;
        }
        case 'bureau_reviewers':
        case 'bureau_leaders': {
          const role: Role = audience === 'bureau_reviewers' ? 'bureau_reviewer' : 'bureau_leader';
          // A department filed at the top of the tree belongs to no bureau in particular: every bureau hears.
          const found = bureau ? await this.usersOf([bureau.id], [role]) : await this.usersOf(null, [role]);
          push(
            audience,
            found.map((user) => ({ user })),
          );
          break;
        }
      }
    }
    return out;
  }

  /** Active users with one of `roles`, in `unitIds` (null = anywhere). */
  async usersOf(unitIds: number[] | null, roles: Role[]): Promise<RecipientUser[]> {
    if (unitIds && unitIds.length === 0) return [];
    return this.users.find({
      where: { active: true, role: In(roles), ...(unitIds ? { unitId: In(unitIds) } : {}) },
      select: USER_FIELDS,
      order: { id: 'ASC' },
    });
  }

  /** The unit head: isUnitHead or dept_leader of the unit; failing that, of its parent department. */
  private async headsOf(chain: UnitEntity[]): Promise<RecipientUser[]> {
    for (const unit of chain.slice(0, 2)) {
      if (unit.kind === 'bureau') break;
      const heads = await this.users.find({
        where: [
          { active: true, unitId: unit.id, isUnitHead: true },
          { active: true, unitId: unit.id, role: 'dept_leader' },
        ],
        select: USER_FIELDS,
        order: { id: 'ASC' },
      });
      if (heads.length) return heads;
    }
    return [];
  }

  /** The unit and its ancestors, nearest first. Bounded: a corrupt cycle in parentId must not loop forever. */
  async ancestry(unitId: number): Promise<UnitEntity[]> {
    const chain: UnitEntity[] = [];
    let next: number | null = unitId;
    while (next !== null && chain.length < 10 && !chain.some((u) => u.id === next)) {
      const unit: UnitEntity | null = await this.units.findOne({ where: { id: next }, select: UNIT_FIELDS });
      if (!unit) break;
      chain.push(unit);
      next = unit.parentId;
    }
    return chain;
  }
}

function toUnit(u: UnitEntity): RecipientUnit {
  return { id: u.id, name: u.name, contactEmails: u.contactEmails ?? [], webhookUrl: u.webhookUrl };
}
