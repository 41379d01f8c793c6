/**
 * The typed configuration every component receives by injection. Built once at boot from the
 * environment by `loadConfig`; nothing else reads `process.env`.
 * It is a class (not an interface) so that Nest can use it as an injection token.
 */
export abstract class AppConfig {
  abstract readonly env: 'development' | 'production' | 'test';
  abstract readonly logLevel: string;
  abstract readonly http: {
    host: string;
    port: number;
    publicBaseUrl: string;
    /** Express "trust proxy": false (socket address only), a hop count, or trusted proxy addresses. */
    trustProxy: false | number | string[];
  };
  abstract readonly database: { url: string; poolSize: number };
  /** 整改台账 reads: time limit of one interactive query (0 = none). */
  abstract readonly ledger: { queryTimeoutMs: number };
  abstract readonly redis: { url: string; queuePrefix: string };
  abstract readonly temporal: {
    address: string;
    namespace: string;
    taskQueue: string;
    tls: null | { caPath?: string; certPath?: string; keyPath?: string; serverName?: string };
    uiPort: number;
    dbFile: string;
    workflowBundlePath?: string;
    /** Worker tuning (sizing: libs/rectification/README.md). */
    worker: {
      maxCachedWorkflows: number;
      maxConcurrentWorkflowTasks: number;
      maxConcurrentActivities: number;
    };
    /** Items per page workflow when issuing (issuing by reference). */
    issuePageSize: number;
  };
  abstract readonly storage: { dir: string };
  abstract readonly auth: {
    jwtSecret: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    loginMaxFailures: number;
    loginLockSeconds: number;
    loginRateLimitPerMinute: number;
    loginUsernameRateLimitPerMinute: number;
  };
  abstract readonly limits: {
    importMaxBytes: number;
    uploadMaxFileBytes: number;
    uploadMaxRequestBytes: number;
    uploadAllowedTypes: string[];
    importMaxDecompressedBytes: number;
    uploadMaxDecompressedBytes: number;
    uploadMaxArchiveEntries: number;
    importPdfMaxPages: number;
  };
  /** OCR of documents without a text layer (scanned PDFs, images) at import. */
  abstract readonly ocr: {
    enabled: boolean;
    command: string;
    pdftoppmCommand: string;
    languages: string;
    maxPages: number;
  };
  abstract readonly policy: {
    reminderOffsetsDays: number[];
    escalationOffsetsDays: number[];
    maxExtensions: number;
  };
  abstract readonly notifications: {
    smtpUrl?: string;
    mailFrom: string;
    webhookSecret?: string;
    webhookAllowPrivateNetworks: boolean;
    digestTime: string;
    timezone: string;
    digestSchedule: boolean;
    attempts: number;
    backoffMs: number;
    sendTimeoutMs: number;
    emailRatePerMinute: number;
    webhookRatePerMinute: number;
  };
  /** 督办文书 and 整改情况报告. */
  abstract readonly documents: {
    letterNumberPrefix: string;
    issuer: string;
    contact: string;
    replyDays: number;
    /** 回头看: seconds after 销号 until the re-check falls due. */
    recheckPeriodSeconds: number;
  };
}
