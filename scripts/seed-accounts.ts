/**
 * Demo units and one account per role. Idempotent: units are upserted by code, users by username; an existing
 * account keeps its password (and its active flag) unless `resetPasswords` is set.
 *
 * From code:  await seedAccounts(dataSource, { password })
 * From a shell (after db-setup):  node dist/scripts/seed-accounts.js [--reset-passwords]
 *   — the demo password is asked for on a terminal, or read from the first line of stdin.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@rectiflow/audit';
import { hashPassword, passwordProblem, type Role, type UnitKind } from '@rectiflow/auth';
import { loadConfig } from '@rectiflow/config';
import { AppUserEntity, AuditLogEntity, buildDataSourceOptions, UnitEntity } from '@rectiflow/persistence';
import { readSecret } from './cli-input';

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  unitCode: string;
  isUnitHead: boolean;
}

export const DEMO_UNITS: readonly DemoUnit[] = [
  { code: 'czj', name: '景德镇市财政局', kind: 'bureau', parentCode: null },
  { code: 'gxj', name: '景德镇市工业和信息化局', kind: 'department', parentCode: null },
  { code: 'gxj-xm', name: '景德镇市中小企业服务中心', kind: 'project_unit', parentCode: 'gxj' },
  { code: 'jyj', name: '景德镇市教育局', kind: 'department', parentCode: null },
];

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'bureau_admin', unitCode: 'czj', isUnitHead: false },
  {
    username: 'reviewer',
    displayName: '绩效科审核员',
    role: 'bureau_reviewer',
    unitCode: 'czj',
    isUnitHead: false,
  },
  {
    username: 'leader',
    displayName: '财政局分管领导',
    role: 'bureau_leader',
    unitCode: 'czj',
    isUnitHead: true,
  },
  { username: 'auditor', displayName: '审计查阅员', role: 'auditor', unitCode: 'czj', isUnitHead: false },
  {
    username: 'gxj_user',
    displayName: '工信局经办人',
    role: 'dept_user',
    unitCode: 'gxj',
    isUnitHead: false,
  },
  {
    username: 'gxj_leader',
    displayName: '工信局负责人',
    role: 'dept_leader',
    unitCode: 'gxj',
    isUnitHead: true,
  },
  {
    username: 'gxjxm_user',
    displayName: '项目单位经办人',
    role: 'dept_user',
    unitCode: 'gxj-xm',
    isUnitHead: false,
  },
  {
    username: 'jyj_user',
    displayName: '教育局经办人',
    role: 'dept_user',
    unitCode: 'jyj',
    isUnitHead: false,
  },
];

export interface SeedAccountsOptions {
  /** Password of every demo account unless `passwords` names one. Must pass the password policy. */
  password: string;
  passwords?: Partial<Record<string, string>>;
  /** Also set the password of demo accounts that already exist (default: leave them alone). */
  resetPasswords?: boolean;
  /** Progress lines; stderr by default. Never receives a password. */
  log?: (line: string) => void;
}

export interface SeedAccountsResult {
  units: Record<string, number>;
  users: Record<string, number>;
}

const SEED_ACTOR = { id: null, name: 'seed' };

export async function seedAccounts(
  dataSource: DataSource,
  opts: SeedAccountsOptions,
): Promise<SeedAccountsResult> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const passwordOf = (username: string) => opts.passwords?.[username] ?? opts.password;
  for (const u of DEMO_USERS) {
    const problem = passwordProblem(passwordOf(u.username));
    if (problem) throw new Error(`password for ${u.username}: ${problem}`);
  }
  const audit = new AuditService(dataSource.getRepository(AuditLogEntity));

  return dataSource.transaction(async (m) => {
    const units: Record<string, number> = {};
    for (const def of DEMO_UNITS) units[def.code] = await upsertUnit(m, def, units, audit, log);
    const users: Record<string, number> = {};
    for (const def of DEMO_USERS) {
      users[def.username] = await upsertUser(
        m,
        def,
        units[def.unitCode],
        passwordOf(def.username),
        opts,
        audit,
        log,
      );
    }
    return { units, users };
  });
}

async function upsertUnit(
  m: EntityManager,
  def: DemoUnit,
  ids: Record<string, number>,
  audit: AuditService,
  log: (line: string) => void,
): Promise<number> {
  const repo = m.getRepository(UnitEntity);
  const parentId = def.parentCode ? ids[def.parentCode] : null;
  const existing = await repo.findOneBy({ code: def.code });
  if (existing) {
    await repo.update({ id: existing.id }, { name: def.name, kind: def.kind, parentId });
    log(`unit ${def.code} (${def.name}): up to date, id ${existing.id}`);
    return existing.id;
  }
  const id = Number(
    (
      await repo.insert({
        code: def.code,
        name: def.name,
        kind: def.kind,
        parentId,
        contactEmails: [],
        webhookUrl: null,
        active: true,
      })
    ).identifiers[0].id,
  );
  await audit.record(
    {
      actor: SEED_ACTOR,
      action: 'unit.create',
      entityType: 'unit',
      entityId: id,
      payload: { code: def.code, name: def.name, kind: def.kind, parentId },
    },
    m,
  );
  log(`unit ${def.code} (${def.name}): created, id ${id}`);
  return id;
}

async function upsertUser(
  m: EntityManager,
  def: DemoUser,
  unitId: number,
  password: string,
  opts: SeedAccountsOptions,
  audit: AuditService,
  log: (line: string) => void,
): Promise<number> {
  const repo = m.getRepository(AppUserEntity);
  const fields = { displayName: def.displayName, role: def.role, unitId, isUnitHead: def.isUnitHead };
  const existing = await repo.findOneBy({ username: def.username });
  if (existing) {
    await repo.update(
      { id: existing.id },
      opts.resetPasswords
        ? { ...fields, passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null }
        : fields,
    );
    if (opts.resetPasswords)
      await audit.record(
        { actor: SEED_ACTOR, action: 'user.password_reset', entityType: 'app_user', entityId: existing.id },
        m,
      );
    log(`user ${def.username} (${def.role}): up to date${opts.resetPasswords ? ', password reset' : ''}`);
    return existing.id;
  }
  const id = Number(
    (
      await repo.insert({
        username: def.username,
        passwordHash: await hashPassword(password),
        email: null,
        phone: null,
        active: true,
        ...fields,
      })
    ).identifiers[0].id,
  );
  await audit.record(
    {
      actor: SEED_ACTOR,
      action: 'user.create',
      entityType: 'app_user',
      entityId: id,
      payload: { username: def.username, ...fields },
    },
    m,
  );
  log(`user ${def.username} (${def.role}): created`);
  return id;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'reset-passwords': { type: 'boolean', default: false } } });
  const password = await readSecret('Password for the demo accounts: ');
  const ds = new DataSource(buildDataSourceOptions(loadConfig()));
  await ds.initialize();
  try {
    await seedAccounts(ds, { password, resetPasswords: values['reset-passwords'] });
    process.stderr.write(`demo accounts ready: ${DEMO_USERS.map((u) => u.username).join(', ')}\n`);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`seeding accounts failed: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
