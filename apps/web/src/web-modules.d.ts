/**
 * Types of the browser modules in apps/web/public/assets that the unit specs import. The modules are plain
 * JavaScript (served as they are, no build step) and the project does not enable allowJs, so their signatures are
 * declared here; the specs exercise the real code.
 */

declare module '*/assets/labels.js' {
  type Labels = Readonly<Record<string, string>>;
  export const ROLE_LABELS: Labels;
  export const UNIT_KIND_LABELS: Labels;
  export const STATUS_LABELS: Labels;
  export const TYPE_LABELS: Labels;
  export const ESCALATION_LABELS: Labels;
  export const REVIEW_LABELS: Labels;
  export const EVALUATION_STATUS_LABELS: Labels;
  export const DEADLINE_KIND_LABELS: Labels;
  export const STEP_LABELS: Labels;
  export const TIMELINE_LABELS: Labels;
  export function label(map: Labels, code: string | number | null | undefined): string;
}

declare module '*/assets/codes.js' {
  export const RECTIFICATION_STATUSES: readonly string[];
  export const RECTIFICATION_TYPES: readonly string[];
  export const REVIEW_RESULTS: readonly string[];
  export const DEADLINE_KINDS: readonly string[];
  export const EVALUATION_STATUSES: readonly string[];
  export const GRADES: readonly string[];
}

declare module '*/assets/rules.js' {
  export interface ActionContext {
    pendingExtension?: boolean;
    pendingExtensionByMe?: boolean;
    extensionsLeft?: number;
    lastSubmissionByMe?: boolean;
  }
  export const ALLOWED_FROM: Readonly<Record<string, readonly string[]>>;
  export const DEPT_ROLES: readonly string[];
  export const BUREAU_ACTOR_ROLES: readonly string[];
  export function stepsForRole(role: string): readonly string[];
  export function allowedActions(role: string, status: string, ctx?: ActionContext): string[];
  export function actionContext(state: unknown, userId: number): Required<ActionContext>;
  export function canImport(role: string | null): boolean;
  export function canListUnits(role: string | null): boolean;
}

declare module '*/assets/format.js' {
  type When = string | Date | null | undefined;
  export const TIME_ZONE: string;
  export function formatDate(value: When): string;
  export function formatDateTime(value: When): string;
  export function today(now?: Date): string;
  export function formatNumber(value: number | null | undefined, digits?: number): string;
  export function formatRate(value: number | null | undefined): string;
  export function formatWan(value: number | null | undefined): string;
  export function formatScore(score: number | null | undefined, grade: string | null | undefined): string;
  export function formatSize(bytes: number | null | undefined): string;
  export function formatOverdue(overdue: boolean, days?: number): string;
}

declare module '*/assets/query.js' {
  export interface LedgerFilters {
    evaluationId?: string;
    unitId?: number;
    status: string[];
    type: string[];
    overdue?: boolean;
    escalationLevel?: number;
    minEscalationLevel?: number;
    deadlineFrom?: string;
    deadlineTo?: string;
    q?: string;
    sort?: string;
    order?: string;
    page?: number;
    pageSize?: number;
  }
  export const LEDGER_SORTS: readonly string[];
  export const DEFAULT_PAGE_SIZE: number;
  export function parseLedgerFilters(entries: Iterable<[string, unknown]>): LedgerFilters;
  export function escalationChoice(f: LedgerFilters): string;
  export function ledgerQuery(f: LedgerFilters, opts?: { paging?: boolean }): string;
}

declare module '*/assets/disposition.js' {
  export function fileNameFromDisposition(header: string | null | undefined, fallback?: string): string;
}

declare module '*/assets/idempotency.js' {
  export function uuid(cryptoImpl?: {
    randomUUID?: () => string;
    getRandomValues: <T extends ArrayBufferView>(a: T) => T;
  }): string;
  export function outcomeUnknown(err: unknown): boolean;
  export function createKeyStore(newKey?: () => string): {
    keyFor(scope: string, fingerprint: string): string;
    settle(scope: string, err?: unknown): void;
  };
  export function fingerprintOf(body: unknown): string;
}

declare module '*/assets/errors.js' {
  export class ApiError extends Error {
    constructor(status: number, body: unknown);
    status: number;
    code: string;
    details: Record<string, unknown>;
    errorId?: string;
  }
  export class NetworkError extends Error {
    constructor(cause?: unknown);
  }
  export function fieldLabel(path: string): string;
  export function describeError(err: unknown): {
    message: string;
    fields: { label: string; messages: string[] }[];
    duplicateOf?: string | null;
  };
}

declare module '*/assets/routes.js' {
  export const HOME: string;
  export function parseHash(hash: string): { path: string; query: URLSearchParams };
  export function matchRoute(hash: string): {
    name: string;
    id?: string;
    path: string;
    query: URLSearchParams;
  };
  export function href(path: string, query?: string | Record<string, string>): string;
  export function rectificationHref(id: string): string;
  export function evaluationHref(id: string): string;
}

declare module '*/assets/issue-body.js' {
  export function deadlineRule(
    kind: string,
    date?: string,
    days?: string,
  ): { kind: string; date?: string; days?: number } | undefined;
  export function buildIssueBody(v: Record<string, unknown>): Record<string, unknown>;
}
