/**
 * Accounts for e2e tests. Typical use:
 *
 *   const admin = await createUserAndLogin(stack, { role: 'bureau_admin' });
 *   const dept = await createUserAndLogin(stack, { role: 'dept_user' });            // in a fresh department
 *   const colleague = await createUserAndLogin(stack, { role: 'dept_user', unitId: dept.unitId });
 *   await request(http).get('/api/v1/units').set(admin.auth).expect(200);
 *
 * Units and users are inserted straight through the app's DataSource (fast, no admin token needed), then the
 * user logs in over HTTP, so the token is a real one. Every name is unique per call, so test files can run in
 * parallel against the shared test database without cleaning up. Passwords are hashed with cheap argon2
 * parameters to keep tests fast; the login path verifies them like any other hash.
 */
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../libs/auth/src/auth-user';
import { READ_ALL_ROLES, type Role } from '../../libs/auth/src/role';
import type { UnitKind } from '../../libs/auth/src/unit-kind';
import { AppUserEntity } from '../../libs/persistence/src/entities/app-user.entity';
import { UnitEntity } from '../../libs/persistence/src/entities/unit.entity';
import type { TestStack } from './test-stack';

/** Password of every helper-made account unless one is given. */
export const TEST_PASSWORD = 'Test-passw0rd';

export interface TestUnit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
}

export interface TestUser {
  id: number;
  username: string;
  password: string;
  role: Role;
  unitId: number;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: AuthUser;
}

export interface TestAccount {
  /** The access token. */
  token: string;
  refreshToken: string;
  /** As the API sees the caller (id, username, displayName, role, unitId). */
  user: AuthUser;
  unitId: number;
  username: string;
  password: string;
  /** Ready for supertest: `.set(account.auth)`. */
  auth: { Authorization: string };
}

export const uniq = (prefix: string): string => `${prefix}-${randomBytes(5).toString('hex')}`;

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

/** The app's own DataSource (same pool, same test database). */
export function dataSourceOf(stack: TestStack): DataSource {
  return stack.api.get(DataSource);
}

/** Inserts a unit. Defaults: a department at the top level with a unique code and name. */
export async function createUnit(
  stack: TestStack,
  opts: { kind?: UnitKind; parentId?: number | null; code?: string; name?: string; active?: boolean } = {},
): Promise<TestUnit> {
  const kind = opts.kind ?? 'department';
  const code = opts.code ?? uniq(`t-${kind}`);
  const unit = {
    code,
    name: opts.name ?? `测试单位 ${code}`,
    kind,
    parentId: opts.parentId ?? null,
    contactEmails: [],
    webhookUrl: null,
    active: opts.active ?? true,
  };
  const result = await dataSourceOf(stack).getRepository(UnitEntity).insert(unit);
  return { id: Number(result.identifiers[0].id), code, name: unit.name, kind, parentId: unit.parentId };
}

const hashes = new Map<string, Promise<string>>();
function cheapHash(password: string): Promise<string> {
  if (!hashes.has(password))
    hashes.set(
      password,
      argon2.hash(password, { type: argon2.argon2id, memoryCost: 4096, timeCost: 2, parallelism: 1 }),
    );
  return hashes.get(password)!;
}

/**
 * Inserts a user. Without `unitId` a fresh unit of the right kind is made: a bureau for bureau roles and
 * auditors, a department for dept_user / dept_leader.
 */
export async function createUser(
  stack: TestStack,
  opts: {
    role: Role;
    unitId?: number;
    username?: string;
    password?: string;
    displayName?: string;
    active?: boolean;
    isUnitHead?: boolean;
    email?: string | null;
  },
): Promise<TestUser> {
  const unitId =
    opts.unitId ??
    (await createUnit(stack, { kind: READ_ALL_ROLES.includes(opts.role) ? 'bureau' : 'department' })).id;
  const username = opts.username ?? uniq(`t-${opts.role.replace('_', '')}`);
  const password = opts.password ?? TEST_PASSWORD;
  const result = await dataSourceOf(stack)
    .getRepository(AppUserEntity)
    .insert({
      username,
      passwordHash: await cheapHash(password),
      displayName: opts.displayName ?? `测试用户 ${username}`,
      role: opts.role,
      unitId,
      email: opts.email === undefined ? `${username}@test.example` : opts.email,
      phone: null,
      active: opts.active ?? true,
      isUnitHead: opts.isUnitHead ?? false,
    });
  return { id: Number(result.identifiers[0].id), username, password, role: opts.role, unitId };
}

/** POST /api/v1/auth/login; fails the test unless it answers 200. */
export async function login(stack: TestStack, username: string, password: string): Promise<TokenPair> {
  const res = await request(stack.api.getHttpServer())
    .post('/api/v1/auth/login')
    .send({ username, password });
  if (res.status !== 200)
    throw new Error(`login of ${username} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as TokenPair;
}

/** createUser + login: an account with a real access token. Options as for createUser. */
export async function createUserAndLogin(
  stack: TestStack,
  opts: Parameters<typeof createUser>[1],
): Promise<TestAccount> {
  const user = await createUser(stack, opts);
  const pair = await login(stack, user.username, user.password);
  return {
    token: pair.accessToken,
    refreshToken: pair.refreshToken,
    user: pair.user,
    unitId: user.unitId,
    username: user.username,
    password: user.password,
    auth: bearer(pair.accessToken),
  };
}
