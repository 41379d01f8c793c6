import { Logger } from '@nestjs/common';
import type { DataSource, QueryRunner } from 'typeorm';
import { AppError } from '@rectiflow/common';

/**
 * Runs one statement of an interactive read on the held connection; raw rows as mysql2 returns them.
 * `limited: false` sends it without the time limit prefix (SHOW WARNINGS must follow its statement directly).
 */
export type RawQuery = <T = Record<string, unknown>>(
  sql: string,
  params?: unknown[],
  opts?: { limited?: boolean },
) => Promise<T[]>;

/** What the held connection talks to: MariaDB has `LIMIT ROWS EXAMINED`, MySQL 8 does not. */
export interface ServerInfo {
  mariadb: boolean;
}

export interface InteractiveOptions {
  /** max_statement_time of each statement (0 = none) */
  timeoutMs: number;
  /** aborted when the HTTP client goes away: the running statement is killed */
  signal?: AbortSignal;
}

/** MariaDB ER_STATEMENT_TIMEOUT, MySQL 8 ER_QUERY_TIMEOUT, and a statement killed by KILL QUERY. */
const TIMEOUT_ERRNOS = new Set([1969, 3024]);
const INTERRUPTED_ERRNO = 1317;

const logger = new Logger('LedgerInteractiveQuery');

export class RequestAbortedError extends AppError {
  constructor() {
    super('BAD_REQUEST', '请求已被客户端取消');
  }
}

export const queryTimeoutError = (timeoutMs: number): AppError =>
  new AppError(
    'QUERY_TIMEOUT',
    `查询超过 ${timeoutMs / 1000} 秒未完成，已终止：请缩小筛选范围（如指定单位、状态或更具体的关键词）后重试`,
    { timeoutMs },
  );

const errnoOf = (e: unknown): number | undefined => {
  const err = e as { errno?: number; driverError?: { errno?: number } };
  return err?.driverError?.errno ?? err?.errno;
};

/**
 * The statements of one interactive ledger read on one held connection, each under a statement time limit
 * (MariaDB `SET STATEMENT max_statement_time=… FOR`, MySQL 8 `MAX_EXECUTION_TIME` hint), and killed with
 * `KILL QUERY <connection id>` from another connection when `signal` aborts — a client that gave up must not
 * leave a search running in the server. The connection is held until any kill has been answered and a no-op
 * statement has absorbed it, so a kill can never reach another request's statement on a pooled connection.
 */
export async function withInteractiveQueries<T>(
  db: DataSource,
  opts: InteractiveOptions,
  work: (query: RawQuery, server: ServerInfo) => Promise<T>,
): Promise<T> {
  const { signal, timeoutMs } = opts;
  if (signal?.aborted) throw new RequestAbortedError();
  const runner = db.createQueryRunner();
  let killing: Promise<void> | null = null;
  let running = 0;
  let connectionId: number | null = null;
  const onAbort = (): void => {
    if (running === 0 || connectionId === null || killing) return;
    killing = db
      .query(`KILL QUERY ${connectionId}`)
      .then(() => logger.log({ connectionId }, 'ledger read: client went away, statement killed'))
      .catch((e: unknown) => logger.warn({ connectionId, err: String(e) }, 'ledger read: KILL QUERY failed'));
  };
  try {
    const server = await serverInfo(runner);
    connectionId = await connectionIdOf(runner);
    const limited = statementLimiter(server.mariadb, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    const query: RawQuery = async <R>(
      sql: string,
      params: unknown[] = [],
      { limited: limit = true }: { limited?: boolean } = {},
    ): Promise<R[]> => {
      if (signal?.aborted) throw new RequestAbortedError();
      running += 1;
      try {
        return (await runner.query(limit ? limited(sql) : sql, params)) as R[];
      } catch (e) {
        const errno = errnoOf(e);
        if (errno !== undefined && TIMEOUT_ERRNOS.has(errno)) throw queryTimeoutError(timeoutMs);
        if (errno === INTERRUPTED_ERRNO && signal?.aborted) throw new RequestAbortedError();
        throw e;
      } finally {
        running -= 1;
      }
    };
    return await work(query, server);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await release(runner, killing);
  }
}

let flavour: Promise<ServerInfo> | null = null;

/** Asked once per process: the server does not change under a running API. */
function serverInfo(runner: QueryRunner): Promise<ServerInfo> {
  flavour ??= (runner.query('SELECT VERSION() AS version') as Promise<{ version: string }[]>).then(([v]) => ({
    mariadb: /mariadb/i.test(v.version),
  }));
  return flavour;
}

/** The held connection's id: from the driver's handshake (no round trip), else asked. */
async function connectionIdOf(runner: QueryRunner): Promise<number> {
  const connection = (await runner.connect()) as { threadId?: number } | undefined;
  if (typeof connection?.threadId === 'number') return connection.threadId;
  const [row] = (await runner.query('SELECT CONNECTION_ID() AS id')) as { id: number | string }[];
  return Number(row.id);
}

/** Waits for a pending kill, lets a no-op statement take it if it landed between statements, then releases. */
async function release(runner: QueryRunner, killing: Promise<void> | null): Promise<void> {
  if (killing) {
    await killing;
    await runner.query('DO 0').catch(() => undefined);
  }
  await runner.release();
}

function statementLimiter(mariadb: boolean, timeoutMs: number): (sql: string) => string {
  if (timeoutMs <= 0) return (sql) => sql;
  if (mariadb) {
    const seconds = (timeoutMs / 1000).toFixed(3);
    return (sql) => `SET STATEMENT max_statement_time=${seconds} FOR ${sql}`;
  }
  return (sql) => sql.replace(/^\s*SELECT\b/i, `SELECT /*+ MAX_EXECUTION_TIME(${Math.round(timeoutMs)}) */`);
}
