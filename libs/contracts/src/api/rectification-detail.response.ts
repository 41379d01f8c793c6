import type { FindingPoint } from './finding.response';
import type { TimelineEntry } from './timeline-entry.response';
import type { AllowedAction } from '../rectification/step-catalog';
import type {
  EscalationLevel,
  RectificationState,
  RectificationStatus,
  RectificationType,
} from '../rectification/rectification.types';

/** GET /rectifications/:id: everything about one item, linked back to the evaluation result it came from. */
export interface RectificationDetail {
  id: string;
  status: RectificationStatus;
  statusLabel: string;
  type: RectificationType;
  typeLabel: string;
  unit: { id: number; name: string | null };
  /** `provisional`: counted into a year whose 放假/调休 arrangement is not loaded; it moves when it is. */
  deadline: {
    original: string;
    current: string;
    provisional: boolean;
    history: RectificationState['deadlines'];
  };
  overdue: boolean;
  overdueDays: number;
  escalationLevel: EscalationLevel;
  escalationLabel: string;
  /** Every rung sent, across extensions (the current ladder restarts with a new deadline). */
  escalations: RectificationState['escalations'];
  maxEscalationLevel: EscalationLevel;
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
  finding: { seq: number; title: string; text: string; points: FindingPoint[] };
  recommendation: { seq: number; title: string; text: string } | null;
  state: RectificationState;
  /** The steps the caller may take now (the step catalog: status, role, unit scope, state-only rules). */
  allowedActions: AllowedAction[];
  /** What the reviewer should notice, e.g. a plan measure due after the item's deadline. */
  warnings: { code: string; message: string }[];
  timeline: TimelineEntry[];
  links: { self: string; evaluation: string; timeline: string };
}
