import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { resolve } from 'node:path';
import { ROOT } from '../support/test-config';
import { eventually } from '../support/test-stack';

/** True once something accepts TCP connections on 127.0.0.1:port. */
export const answers = (port: number): Promise<boolean> =>
  new Promise((ok) => {
    const s = createConnection({ host: '127.0.0.1', port }, () => (s.destroy(), ok(true)));
    s.on('error', () => ok(false));
  });

const freePort = (base: number): number => base + Math.floor(Math.random() * 2000);

/**
 * A server process this test owns, on loopback and its own port and folder, so killing it never touches the
 * shared services other tests use. `kill()` is SIGKILL (a crash, not a shutdown); `start()` again reuses the folder.
 */
export abstract class PrivateServer {
  readonly port: number;
  readonly dir: string;
  private child?: ChildProcess;

  protected constructor(name: string, basePort: number) {
    this.port = freePort(basePort);
    this.dir = resolve(ROOT, 'var', 'test', `${name}-${this.port}`);
  }

  protected abstract command(): [string, string[]];
  protected async prepare(): Promise<void> {}

  async start(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await this.prepare();
    const [bin, args] = this.command();
    this.child = spawn(bin, args, { stdio: 'ignore' });
    await eventually(() => answers(this.port), 60_000, 200);
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async destroy(): Promise<void> {
    await this.kill();
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Redis with an append-only file synced on every write: what a deployment that must not lose jobs runs. */
export class PrivateRedis extends PrivateServer {
  constructor() {
    super('redis', 26400);
  }
  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }
  protected command(): [string, string[]] {
    return [
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--dir',
        this.dir,
      ],
    ];
  }
}

/** A MariaDB of its own: a fresh data folder, no grant tables (loopback only, thrown away after the test). */
export class PrivateMariaDb extends PrivateServer {
  private initialised = false;
  constructor() {
    super('mariadb', 23400);
  }
  url(database: string): string {
    return `mysql://root@127.0.0.1:${this.port}/${database}`;
  }
  protected override async prepare(): Promise<void> {
    if (this.initialised) return;
    execFileSync(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${this.dir}/data`,
        '--user=root',
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
      ],
      { stdio: 'ignore' },
    );
    this.initialised = true;
  }
  protected command(): [string, string[]] {
    return [
      existsSync('/usr/sbin/mariadbd') ? '/usr/sbin/mariadbd' : 'mariadbd',
      [
        '--no-defaults',
        `--datadir=${this.dir}/data`,
        `--socket=${this.dir}/mysqld.sock`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        '--user=root',
        '--skip-grant-tables',
        '--skip-name-resolve',
        `--pid-file=${this.dir}/mysqld.pid`,
        '--innodb-buffer-pool-size=64M',
        '--innodb-log-file-size=16M',
      ],
    ];
  }
}
