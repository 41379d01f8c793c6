/**
 * Creates the first administrator (bureau_admin), and the bureau unit it belongs to when missing.
 *
 *   node dist/scripts/create-admin.js --username admin [--display-name 系统管理员] [--email a@b.cn]
 *        [--unit-code czj] [--unit-name 景德镇市财政局] [--reset] [--password <pw>]
 *
 * Without --password the password is asked for on a terminal (twice), or read from the first line of stdin —
 * prefer that: a password on the command line is visible to `ps` and kept in shell history.
 * --reset turns an existing account into an active, unlocked bureau_admin with the new password.
 * Exit status 0 on success, 1 on any error (the reason on stderr); the password is never printed.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AuditService } from '@rectiflow/audit';
import { hashPassword, passwordProblem } from '@rectiflow/auth';
import { loadConfig } from '@rectiflow/config';
import { AppUserEntity, AuditLogEntity, buildDataSourceOptions, UnitEntity } from '@rectiflow/persistence';
import { readLine, readSecret } from './cli-input';

export interface CreateAdminOptions {
  username: string;
  password: string;
  displayName?: string;
  email?: string | null;
  unitCode?: string;
  unitName?: string;
  /** Overwrite an existing account of that username (password, role, active, lock). */
  reset?: boolean;
}

const CLI_ACTOR = { id: null, name: 'create-admin' };

/** Returns the account id and whether it was created (false: reset). Throws with a readable message. */
export async function createAdmin(
  ds: DataSource,
  opts: CreateAdminOptions,
): Promise<{ id: number; created: boolean }> {
  const username = opts.username.trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N}_.@-]{1,63}$/u.test(username))
    throw new Error('username: 2–64 letters, digits or _ . @ -, starting with a letter or digit');
  const problem = passwordProblem(opts.password);
  if (problem) throw new Error(`password: ${problem}`);
  const passwordHash = await hashPassword(opts.password);
  const audit = new AuditService(ds.getRepository(AuditLogEntity));

  return ds.transaction(async (m) => {
    const units = m.getRepository(UnitEntity);
    const code = opts.unitCode ?? 'czj';
    let unit = await units.findOneBy({ code });
    if (!unit) {
      const id = Number(
        (
          await units.insert({
            code,
            name: opts.unitName ?? '景德镇市财政局',
            kind: 'bureau',
            parentId: null,
            contactEmails: [],
            webhookUrl: null,
            active: true,
          })
        ).identifiers[0].id,
      );
      unit = await units.findOneByOrFail({ id });
      await audit.record(
        {
          actor: CLI_ACTOR,
          action: 'unit.create',
          entityType: 'unit',
          entityId: id,
          payload: { code, name: unit.name, kind: 'bureau' },
        },
        m,
      );
      process.stderr.write(`unit ${code} (${unit.name}) created\n`);
    } else if (unit.kind !== 'bureau') {
      throw new Error(`unit ${code} is a ${unit.kind}; an administrator belongs to a bureau unit`);
    }

    const users = m.getRepository(AppUserEntity);
    const existing = await users.findOneBy({ username });
    const fields = {
      role: 'bureau_admin' as const,
      unitId: unit.id,
      active: true,
      failedLogins: 0,
      lockedUntil: null,
      passwordHash,
    };
    if (existing) {
      if (!opts.reset)
        throw new Error(
          `user ${username} already exists (use --reset to make it an admin with a new password)`,
        );
      await users.update({ id: existing.id }, fields);
      await audit.record(
        {
          actor: CLI_ACTOR,
          action: 'user.password_reset',
          entityType: 'app_user',
          entityId: existing.id,
          payload: { role: 'bureau_admin' },
        },
        m,
      );
      return { id: existing.id, created: false };
    }
    const displayName = opts.displayName ?? '系统管理员';
    const id = Number(
      (
        await users.insert({
          username,
          displayName,
          email: opts.email ?? null,
          phone: null,
          isUnitHead: false,
          ...fields,
        })
      ).identifiers[0].id,
    );
    await audit.record(
      {
        actor: CLI_ACTOR,
        action: 'user.create',
        entityType: 'app_user',
        entityId: id,
        payload: { username, displayName, role: 'bureau_admin', unitId: unit.id },
      },
      m,
    );
    return { id, created: true };
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      'display-name': { type: 'string' },
      email: { type: 'string' },
      'unit-code': { type: 'string' },
      'unit-name': { type: 'string' },
      reset: { type: 'boolean', default: false },
    },
  });
  const username = values.username ?? (await readLine('Administrator username: '));
  let password = values.password;
  if (password === undefined) {
    password = await readSecret('Password: ');
    if (process.stdin.isTTY && (await readSecret('Repeat the password: ')) !== password)
      throw new Error('the two passwords differ');
  }
  const ds = new DataSource(buildDataSourceOptions(loadConfig()));
  await ds.initialize();
  try {
    const { id, created } = await createAdmin(ds, {
      username,
      password,
      displayName: values['display-name'],
      email: values.email,
      unitCode: values['unit-code'],
      unitName: values['unit-name'],
      reset: values.reset,
    });
    process.stderr.write(`administrator ${username.trim()} ${created ? 'created' : 'reset'} (id ${id})\n`);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    const e = err as Error & { code?: string };
    const hint =
      e.code === 'ER_NO_SUCH_TABLE' ? ' — run the migrations first (node dist/scripts/db-setup.js)' : '';
    process.stderr.write(`create-admin failed: ${e.message}${hint}\n`);
    process.exit(1);
  });
}
