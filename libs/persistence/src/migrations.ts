import { CreateSystemProbe1764140000000 } from './migrations/1764140000000-create-system-probe';
import { CreateAccounts1764150000000 } from './migrations/1764150000000-create-accounts';
import { CreateRectifications1764170000000 } from './migrations/1764170000000-create-rectifications';
import { CreateEvaluations1764160000000 } from './migrations/1764160000000-create-evaluations';
import { CreateNotifications1764190000000 } from './migrations/1764190000000-create-notifications';
import { AddEvaluationIssuePlan1764180000000 } from './migrations/1764180000000-add-evaluation-issue-plan';
import { CreateEvidenceFiles1764200000000 } from './migrations/1764200000000-create-evidence-files';
import { AddSourceTextAndProvenance1765100000000 } from './migrations/1765100000000-add-source-text-and-provenance';
import { EscalationHistoryAndCalendarYears1765200000001 } from './migrations/1765200000001-escalation-history-and-calendar-years';
import { CreateSupervisionLetters1765300000000 } from './migrations/1765300000000-create-supervision-letters';
import { ResultsApplicationAndRepeatFindings1765400000001 } from './migrations/1765400000001-results-application-and-repeat-findings';
import { CreateRechecks1765450000000 } from './migrations/1765450000000-create-rechecks';
import { AddLedgerColumns1765500000001 } from './migrations/1765500000001-add-ledger-columns';
import { AddLedgerIndexesAndSearch1765500000002 } from './migrations/1765500000002-add-ledger-indexes-and-search';
import { AddDashboardIndexes1765700000001 } from './migrations/1765700000001-add-dashboard-indexes';
import { CreatePolicyDefaults1765800000001 } from './migrations/1765800000001-create-policy-defaults';

/** Every migration in order. A new migration is appended here (see README: schema changes). */
export const MIGRATIONS = [
  CreateSystemProbe1764140000000,
  CreateAccounts1764150000000,
  CreateRectifications1764170000000,
  CreateEvaluations1764160000000,
  CreateNotifications1764190000000,
  AddEvaluationIssuePlan1764180000000,
  CreateEvidenceFiles1764200000000,
  AddSourceTextAndProvenance1765100000000,
  EscalationHistoryAndCalendarYears1765200000001,
  CreateSupervisionLetters1765300000000,
  ResultsApplicationAndRepeatFindings1765400000001,
  CreateRechecks1765450000000,
  AddLedgerColumns1765500000001,
  AddLedgerIndexesAndSearch1765500000002,
  AddDashboardIndexes1765700000001,
  CreatePolicyDefaults1765800000001,
];
