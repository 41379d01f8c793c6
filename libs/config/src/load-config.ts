import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppConfig } from './app-config';
import { ConfigError } from './config.error';
import { EnvironmentVariables } from './env.schema';

const list = (value: string): number[] => value.split(',').map(Number);

/** Validates `env` and maps it into the typed AppConfig. Throws ConfigError naming each bad variable. */
export function buildConfig(env: Record<string, string | undefined>): AppConfig {
  // An empty value (`PUBLIC_BASE_URL=` in .env) means "not set": the default applies.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const vars = plainToInstance(EnvironmentVariables, given, { exposeDefaultValues: true });
  const errors = validateSync(vars, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => {
        const why = Object.values(e.constraints ?? {}).join('; ');
        return given[e.property] === undefined
          ? `${e.property} is missing (${why})`
          : `${e.property}: ${why}`;
      }),
    );
  }
  const tlsWanted = vars.TEMPORAL_TLS || !!vars.TEMPORAL_TLS_CERT_PATH || !!vars.TEMPORAL_TLS_CA_PATH;
  if (!!vars.TEMPORAL_TLS_CERT_PATH !== !!vars.TEMPORAL_TLS_KEY_PATH) {
    throw new ConfigError(['TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be given together (mTLS)']);
  }
  return Object.freeze({
    env: vars.NODE_ENV,
    logLevel: vars.LOG_LEVEL,
    http: {
      host: vars.API_HOST,
      port: vars.API_PORT,
      publicBaseUrl: (vars.PUBLIC_BASE_URL ?? `http://${vars.API_HOST}:${vars.API_PORT}`).replace(/\/$/, ''),
      trustProxy: !vars.TRUST_PROXY
        ? false
        : /^\d+$/.test(vars.TRUST_PROXY)
          ? Number(vars.TRUST_PROXY)
          : vars.TRUST_PROXY.split(','),
    },
    database: { url: vars.DATABASE_URL, poolSize: vars.DATABASE_POOL_SIZE },
    ledger: { queryTimeoutMs: vars.LEDGER_QUERY_TIMEOUT_MS },
    redis: { url: vars.REDIS_URL, queuePrefix: vars.QUEUE_PREFIX },
    temporal: {
      address: vars.TEMPORAL_ADDRESS,
      namespace: vars.TEMPORAL_NAMESPACE,
      taskQueue: vars.TEMPORAL_TASK_QUEUE,
      tls: tlsWanted
        ? {
            caPath: vars.TEMPORAL_TLS_CA_PATH,
            certPath: vars.TEMPORAL_TLS_CERT_PATH,
            keyPath: vars.TEMPORAL_TLS_KEY_PATH,
            serverName: vars.TEMPORAL_TLS_SERVER_NAME,
          }
        : null,
      uiPort: vars.TEMPORAL_UI_PORT,
      dbFile: vars.TEMPORAL_DB_FILE,
      workflowBundlePath: vars.TEMPORAL_WORKFLOW_BUNDLE,
      worker: {
        maxCachedWorkflows: vars.TEMPORAL_MAX_CACHED_WORKFLOWS,
        maxConcurrentWorkflowTasks: vars.TEMPORAL_MAX_CONCURRENT_WORKFLOW_TASKS,
        maxConcurrentActivities: vars.TEMPORAL_MAX_CONCURRENT_ACTIVITIES,
      },
      issuePageSize: vars.ISSUE_PAGE_SIZE,
    },
    storage: { dir: resolve(vars.STORAGE_DIR) },
    auth: {
      jwtSecret: vars.JWT_SECRET,
      accessTtlSeconds: vars.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: vars.JWT_REFRESH_TTL_SECONDS,
      loginMaxFailures: vars.LOGIN_MAX_FAILURES,
      loginLockSeconds: vars.LOGIN_LOCK_SECONDS,
      loginRateLimitPerMinute: vars.LOGIN_RATE_LIMIT_PER_MINUTE,
      loginUsernameRateLimitPerMinute: vars.LOGIN_USERNAME_RATE_LIMIT_PER_MINUTE,
    },
    limits: {
      importMaxBytes: vars.IMPORT_MAX_BYTES,
      uploadMaxFileBytes: vars.UPLOAD_MAX_FILE_BYTES,
      uploadMaxRequestBytes: vars.UPLOAD_MAX_REQUEST_BYTES,
      uploadAllowedTypes: vars.UPLOAD_ALLOWED_TYPES.split(','),
      importMaxDecompressedBytes: vars.IMPORT_MAX_DECOMPRESSED_BYTES,
      uploadMaxDecompressedBytes: vars.UPLOAD_MAX_DECOMPRESSED_BYTES,
      uploadMaxArchiveEntries: vars.UPLOAD_MAX_ARCHIVE_ENTRIES,
      importPdfMaxPages: vars.IMPORT_PDF_MAX_PAGES,
    },
    ocr: {
      enabled: vars.IMPORT_OCR_ENABLED,
      command: vars.IMPORT_OCR_COMMAND,
      pdftoppmCommand: vars.IMPORT_PDFTOPPM_COMMAND,
      languages: vars.IMPORT_OCR_LANGUAGES,
      maxPages: vars.IMPORT_OCR_MAX_PAGES,
    },
    policy: {
      reminderOffsetsDays: list(vars.REMINDER_OFFSETS_DAYS),
      escalationOffsetsDays: list(vars.ESCALATION_OFFSETS_DAYS),
      maxExtensions: vars.MAX_EXTENSIONS,
    },
    notifications: {
      smtpUrl: vars.SMTP_URL,
      mailFrom: vars.MAIL_FROM,
      webhookSecret: vars.WEBHOOK_SECRET,
      webhookAllowPrivateNetworks: vars.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
      digestTime: vars.DIGEST_TIME,
      timezone: vars.TIMEZONE,
      digestSchedule: vars.DIGEST_SCHEDULE ?? vars.NODE_ENV !== 'test',
      attempts: vars.NOTIFY_ATTEMPTS,
      backoffMs: vars.NOTIFY_BACKOFF_MS,
      sendTimeoutMs: vars.NOTIFY_SEND_TIMEOUT_MS,
      emailRatePerMinute: vars.NOTIFY_EMAIL_RATE_PER_MINUTE,
      webhookRatePerMinute: vars.NOTIFY_WEBHOOK_RATE_PER_MINUTE,
    },
    documents: {
      letterNumberPrefix: vars.LETTER_NUMBER_PREFIX,
      issuer: vars.LETTER_ISSUER,
      contact: vars.LETTER_CONTACT,
      replyDays: vars.LETTER_REPLY_DAYS,
      recheckPeriodSeconds: vars.RECHECK_PERIOD_SECONDS,
    },
  }) as AppConfig;
}

/**
 * Reads `.env` (when present, without overriding real environment variables) and the process
 * environment. The single place in the code base that touches process.env.
 */
export function loadConfig(envFile = resolve(process.cwd(), '.env')): AppConfig {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return buildConfig(process.env);
}
