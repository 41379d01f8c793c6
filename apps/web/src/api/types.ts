/** Response shapes the pages read. Rectification state and labels come from libs/contracts. */
import type { AllowedAction } from '@contracts/rectification/step-catalog';
import type {
  EscalationLevel,
  RectificationState,
  RectificationStatus,
  RectificationType,
} from '@contracts/rectification/rectification.types';

export type Role =
  'bureau_admin' | 'bureau_reviewer' | 'bureau_leader' | 'dept_user' | 'dept_leader' | 'auditor';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
  unit: { id: number; code: string; name: string; kind: string; parentId: number | null };
  seesAllUnits: boolean;
  visibleUnitIds?: number[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface LedgerItem {
  id: string;
  evaluation: {
    id: string;
    title: string | null;
    projectName: string | null;
    score: number | null;
    grade: string | null;
  };
  findingSeq: number;
  findingTitle: string;
  status: RectificationStatus;
  statusLabel: string;
  type: RectificationType;
  typeLabel: string;
  unit: { id: number; name: string | null };
  responsiblePerson: string | null;
  originalDeadline: string;
  currentDeadline: string;
  extensionCount: number;
  overdue: boolean;
  overdueDays: number;
  escalationLevel: EscalationLevel;
  escalationLabel: string;
  evidenceCount: number;
  lastReviewLabel: string | null;
  closedAt: string | null;
  updatedAt: string;
  deadlineProvisional?: boolean;
  maxEscalationLevel?: number;
  repeatFinding?: boolean;
}

export interface TimelineEntry {
  seq: number;
  action: string;
  actorId: number | null;
  actorName: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

export interface RectificationDetail {
  id: string;
  status: RectificationStatus;
  statusLabel: string;
  type: RectificationType;
  typeLabel: string;
  unit: { id: number; name: string | null };
  deadline: {
    original: string;
    current: string;
    history: RectificationState['deadlines'];
    provisional?: boolean;
  };
  overdue: boolean;
  overdueDays: number;
  escalationLevel: EscalationLevel;
  escalationLabel: string;
  evaluation: {
    id: string;
    title: string | null;
    projectName: string | null;
    organizer: string | null;
    supervisingDepartment: string | null;
    projectUnit: string | null;
    evaluator: string | null;
    score: number | null;
    grade: string | null;
  };
  finding: { seq: number; title: string; text: string };
  recommendation: { seq: number; title: string; text: string } | null;
  state: RectificationState;
  allowedActions: AllowedAction[];
  warnings: { code: string; message: string }[];
  timeline: TimelineEntry[];
}

export interface EvidenceItem {
  fileId: number;
  name: string;
  sha256: string;
  size: number;
  mimeType?: string;
  detectedType?: string;
  description?: string;
  effectiveDate?: string;
  uploadedAt?: string;
  downloadable?: boolean;
  links: { download: string };
}

export interface EvaluationProgress {
  total: number;
  closed: number;
  [k: string]: unknown;
}

export interface EvaluationSummary {
  id: string;
  status: string;
  title: string | null;
  projectName: string | null;
  supervisingDepartment: string | null;
  projectUnit: string | null;
  score: number | null;
  grade: string | null;
  findingCount: number;
  warningCount: number;
  progress: EvaluationProgress;
  issuedAt: string | null;
  createdAt: string;
}

export interface Recommendation {
  id: number;
  seq: number;
  title: string;
  text: string;
}

export interface Finding {
  id: number;
  seq: number;
  title: string;
  text: string;
  recommendationSeq: number | null;
  recommendation: Recommendation | null;
  rectification: { id: string; status: string; statusLabel?: string } | null;
  repeatOf?: {
    evaluationId: string;
    findingSeq: number;
    rectificationId: string | null;
    similarity: number;
  } | null;
}

export interface EvaluationDetail {
  evaluation: EvaluationSummary & {
    version: number;
    organizer: string | null;
    projectPeriod: string | null;
    evaluator: string | null;
    evaluationPeriod: string | null;
    basicInfo: string | null;
    performanceSummary: string | null;
    budget: number | null;
    allocated: number | null;
    spent: number | null;
    executionRate: number | null;
    departmentUnitId: number | null;
    sourceDocument: { id: number; originalName: string } | null;
  };
  findings: Finding[];
  recommendations: Recommendation[];
  warnings: { code: string; message: string; [k: string]: unknown }[];
  progress: EvaluationProgress;
}

export interface SourceText {
  text: string;
  format: string;
  ocr: boolean;
  pages: number | null;
  findings: { seq: number; start: number; end: number }[];
  recommendations: { seq: number; start: number; end: number }[];
}

export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: 'bureau' | 'department' | 'project_unit';
  parentId: number | null;
  active: boolean;
  contact?: unknown;
}

export interface UnitNode extends Unit {
  children: UnitNode[];
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
  active: boolean;
  email: string | null;
  phone: string | null;
  lockedUntil?: string | null;
  failedLogins?: number;
}
