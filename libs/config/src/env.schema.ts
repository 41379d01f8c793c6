import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MaxLength,
  MinLength,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes'].includes(String(value).toLowerCase());

/**
 * Every environment variable Rectiflow reads, with its rule. `.env.example` documents the same list;
 * a spec keeps the two in step.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @IsString()
  API_HOST = '127.0.0.1';

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  API_PORT = 3000;

  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL?: string;

  /**
   * Reverse proxies whose X-Forwarded-For is believed (Express "trust proxy"): a hop count, or a comma list of
   * addresses/CIDRs/names like loopback,10.0.0.0/8. Empty = trust nobody: the client IP is the socket address.
   */
  @IsOptional()
  @Matches(/^(\d+|[A-Za-z0-9.:/]+(,[A-Za-z0-9.:/]+)*)?$/, {
    message: 'TRUST_PROXY is a hop count (1) or a comma list like loopback,10.0.0.0/8',
  })
  TRUST_PROXY = '';

  @IsString()
  @IsNotEmpty()
  @Matches(/^mysql:\/\/[^\s/]+\/[A-Za-z0-9_]+(\?.*)?$/, {
    message: 'DATABASE_URL must look like mysql://user:password@host:3306/database',
  })
  DATABASE_URL!: string;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Statement time limit of interactive ledger reads (max_statement_time); 0 = none. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600000)
  LEDGER_QUERY_TIMEOUT_MS = 5000;

  @IsString()
  @IsNotEmpty()
  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL must look like redis://host:6379/0' })
  REDIS_URL!: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX may hold letters, digits, _ and - only' })
  QUEUE_PREFIX = 'rectiflow';

  @IsString()
  @IsNotEmpty()
  @Matches(/^[^\s:]+:\d+$/, { message: 'TEMPORAL_ADDRESS must look like host:7233' })
  TEMPORAL_ADDRESS!: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'TEMPORAL_NAMESPACE has invalid characters' })
  TEMPORAL_NAMESPACE = 'default';

  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'TEMPORAL_TASK_QUEUE has invalid characters' })
  TEMPORAL_TASK_QUEUE = 'rectiflow';

  @Transform(toBool)
  @IsOptional()
  TEMPORAL_TLS = false;

  @IsOptional() @IsString() TEMPORAL_TLS_CA_PATH?: string;
  @IsOptional() @IsString() TEMPORAL_TLS_CERT_PATH?: string;
  @IsOptional() @IsString() TEMPORAL_TLS_KEY_PATH?: string;
  @IsOptional() @IsString() TEMPORAL_TLS_SERVER_NAME?: string;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  TEMPORAL_UI_PORT = 8233;

  @IsOptional()
  @IsString()
  TEMPORAL_DB_FILE = 'var/temporal/temporal.db';

  /** Which local server the scripts run: the CLI dev server (SQLite) or the official server on PostgreSQL. */
  @IsOptional()
  @IsIn(['dev', 'cluster'], { message: 'TEMPORAL_MODE must be dev or cluster' })
  TEMPORAL_MODE: 'dev' | 'cluster' = 'dev';

  // The cluster's own settings (scripts/temporal-cluster.sh); the application only needs TEMPORAL_ADDRESS.
  @IsOptional() @IsString() TEMPORAL_CLUSTER_PG_HOST = '127.0.0.1';

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  TEMPORAL_CLUSTER_PG_PORT = 5432;

  @IsOptional() @IsString() TEMPORAL_CLUSTER_PG_USER = 'postgres';
  @IsOptional() @IsString() TEMPORAL_CLUSTER_PG_PASSWORD?: string;
  @IsOptional() @IsString() TEMPORAL_CLUSTER_DB = 'temporal_rectiflow';
  @IsOptional() @IsString() TEMPORAL_CLUSTER_VISIBILITY_DB = 'temporal_rectiflow_visibility';

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(16)
  TEMPORAL_CLUSTER_HISTORY_PROCESSES = 2;

  /** Fixed when the cluster's database is created: changing it later needs a new database. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(16384)
  TEMPORAL_CLUSTER_HISTORY_SHARDS = 4;

  /** Matching, worker, history and membership ports are derived from this base (default: frontend port + 100). */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(65400)
  TEMPORAL_CLUSTER_PORT_BASE?: number;

  @IsOptional() @IsString() TEMPORAL_CLUSTER_DIR = 'var/temporal-cluster';

  /**
   * Workflows the worker keeps in memory (sticky cache). A cached sleeping item costs ~0.3–0.5 MB of worker RSS
   * (issue 14: 2,310 cached ≈ 1.1 GB); an evicted one pays a replay of its history on its next step.
   */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  TEMPORAL_MAX_CACHED_WORKFLOWS = 1000;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  TEMPORAL_MAX_CONCURRENT_WORKFLOW_TASKS = 40;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  TEMPORAL_MAX_CONCURRENT_ACTIVITIES = 100;

  /** Items per page workflow when an evaluation is issued (each page's payloads stay < 256 KB at 100). */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  ISSUE_PAGE_SIZE = 100;

  /** Pre-built workflow bundle (production). Without it the worker bundles `workflows/` at start. */
  @IsOptional()
  @IsString()
  TEMPORAL_WORKFLOW_BUNDLE?: string;

  @IsOptional()
  @IsString()
  STORAGE_DIR = 'var/storage';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters (use: openssl rand -hex 32)' })
  JWT_SECRET!: string;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(60)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(300)
  JWT_REFRESH_TTL_SECONDS = 30 * 24 * 3600;

  /** Failed logins for one username from one IP before that pair is locked out. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(24 * 3600)
  LOGIN_LOCK_SECONDS = 300;

  /**
   * Login requests per minute per client IP, whatever the username (against password spraying). Generous: a
   * whole office behind one NAT address logs in through it; the per-username limit is the tight one.
   */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE = 300;

  /** Login requests per minute per username, from any address, whether or not the account exists. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  LOGIN_USERNAME_RATE_LIMIT_PER_MINUTE = 10;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1024)
  IMPORT_MAX_BYTES = 20 * 1024 * 1024;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1024)
  UPLOAD_MAX_FILE_BYTES = 50 * 1024 * 1024;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1024)
  UPLOAD_MAX_REQUEST_BYTES = 50 * 1024 * 1024;

  /** What an imported .docx may inflate to, all parts together (a "zip bomb" is refused before reading). */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1024 * 1024)
  IMPORT_MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

  /** What an evidence .docx/.xlsx/.pptx/.ofd/.zip may inflate to, and how many entries it may hold. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1024 * 1024)
  UPLOAD_MAX_DECOMPRESSED_BYTES = 512 * 1024 * 1024;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  UPLOAD_MAX_ARCHIVE_ENTRIES = 10_000;

  /** Pages of a PDF the importer reads; a longer one is refused. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  IMPORT_PDF_MAX_PAGES = 500;

  /** OCR of scanned PDFs and images (Debian: tesseract-ocr, tesseract-ocr-chi-sim, poppler-utils). */
  @Transform(toBool)
  @IsOptional()
  IMPORT_OCR_ENABLED = true;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  IMPORT_OCR_COMMAND = 'tesseract';

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  IMPORT_PDFTOPPM_COMMAND = 'pdftoppm';

  @IsOptional()
  @Matches(/^[a-z_]+(\+[a-z_]+)*$/, {
    message: 'IMPORT_OCR_LANGUAGES is a tesseract language list like chi_sim+eng',
  })
  IMPORT_OCR_LANGUAGES = 'chi_sim+eng';

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  IMPORT_OCR_MAX_PAGES = 30;

  @IsOptional()
  @Matches(/^[a-z0-9]+(,[a-z0-9]+)*$/, { message: 'UPLOAD_ALLOWED_TYPES is a comma list like pdf,docx' })
  UPLOAD_ALLOWED_TYPES = 'pdf,ofd,docx,xlsx,doc,xls,jpg,png,zip';

  @Matches(/^\d+(,\d+)*$/, { message: 'REMINDER_OFFSETS_DAYS is a comma list of days, e.g. 7,3,1' })
  @IsOptional()
  REMINDER_OFFSETS_DAYS = '7,3,1';

  @Matches(/^\d+(,\d+){3}$/, {
    message:
      'ESCALATION_OFFSETS_DAYS needs four days after the deadline (提醒函,督办,约谈,通报), e.g. 1,8,15,30',
  })
  @IsOptional()
  ESCALATION_OFFSETS_DAYS = '1,8,15,30';

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  MAX_EXTENSIONS = 2;

  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must look like smtp://user:pass@host:25' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  MAIL_FROM = 'Rectiflow <noreply@rectiflow.local>';

  @IsOptional()
  @IsString()
  WEBHOOK_SECRET?: string;

  /**
   * Allow webhook URLs that point at loopback, link-local (169.254.x.x, cloud metadata) or private networks.
   * Off by default: a unit's webhook must not reach inside the bureau's network. Checked when the URL is saved
   * and again at delivery, after DNS.
   */
  @Transform(toBool)
  @IsOptional()
  WEBHOOK_ALLOW_PRIVATE_NETWORKS = false;

  @IsOptional()
  @Matches(/^\d{2}:\d{2}$/, { message: 'DIGEST_TIME is HH:mm, e.g. 08:30' })
  DIGEST_TIME = '08:30';

  @IsOptional()
  @IsString()
  TIMEZONE = 'Asia/Shanghai';

  /** Create the daily-digest Temporal Schedule at worker start. Default: on, except with NODE_ENV=test. */
  @Transform(toBool)
  @IsOptional()
  DIGEST_SCHEDULE?: boolean;

  /** Tries per notification delivery (in-app, email, webhook) before it is marked failed for an admin. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  NOTIFY_ATTEMPTS = 8;

  /** First retry delay of a failed delivery; each further retry waits twice as long. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(50)
  NOTIFY_BACKOFF_MS = 30000;

  /** Timeout of one SMTP or webhook call. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(500)
  NOTIFY_SEND_TIMEOUT_MS = 15000;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  NOTIFY_EMAIL_RATE_PER_MINUTE = 120;

  /** DingTalk and WeCom group robots accept about 20 messages a minute. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  NOTIFY_WEBHOOK_RATE_PER_MINUTE = 20;

  /** 文号 prefix of supervision letters, e.g. 景财绩督 → 景财绩督〔2026〕12号; numbered per prefix and year. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  LETTER_NUMBER_PREFIX = '景财绩督';

  /** Issuing organ printed on supervision letters and reports (发文机关). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  LETTER_ISSUER = '景德镇市财政局';

  /** Contact line printed on letters (联系人及电话). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  LETTER_CONTACT = '绩效管理科，联系电话：0798-8222000';

  /** Days a unit has to answer a letter in writing (the "by when" printed on it). */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  LETTER_REPLY_DAYS = 5;

  /** Seconds after 销号 until the 回头看 falls due (default 6 months of 30 days); none for 立行立改. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(315360000)
  RECHECK_PERIOD_SECONDS = 15552000;
}
