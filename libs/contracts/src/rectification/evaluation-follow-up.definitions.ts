import { defineQuery } from '@temporalio/workflow';
import type { Actor, RectificationOutcome, RectificationStatus } from './rectification.types';
import type { RectificationInput } from './rectification.definitions';

export const EVALUATION_FOLLOW_UP_WORKFLOW_TYPE = 'evaluationFollowUpWorkflow';
export const evaluationWorkflowId = (evaluationId: string): string => `evaluation-${evaluationId}`;

/**
 * Issued by reference: the input names the evaluation and how many items it has; page workflows read their
 * items (at most `pageSize` each) through an activity, so no payload or history grows with the evaluation.
 * `rectifications` is the shape issued before that (every item in the input); runs started with it replay as
 * they ran.
 */
export interface EvaluationFollowUpInput {
  evaluationId: string;
  issuedBy: Actor;
  issuedAt: string;
  total?: number;
  pageSize?: number;
  /** @deprecated every item in the input (runs issued before issuing by reference). */
  rectifications?: Omit<RectificationInput, 'resume'>[];
}

/**
 * Items per page workflow when the input does not say (ISSUE_PAGE_SIZE configures it). At 100 one page's activity
 * result is < 256 KB even with 500-character titles (~2.1 KB an item), half Temporal's 512 KB payload warning.
 */
export const ISSUE_PAGE_SIZE = 100;
export const EVALUATION_PAGE_WORKFLOW_TYPE = 'evaluationPageWorkflow';
export const evaluationPageWorkflowId = (evaluationId: string, page: number): string =>
  `evaluation-${evaluationId}-page-${page}`;

export interface EvaluationPageInput {
  evaluationId: string;
  page: number;
  pageSize: number;
}

export type EvaluationItemResult = EvaluationFollowUpResult['items'][number];

export interface EvaluationPageResult {
  page: number;
  counts: EvaluationOutcomeCounts;
  /** Only the items that failed to start or ended in failure; the others' outcome is their MySQL row. */
  failed: EvaluationItemResult[];
}

export interface EvaluationOutcomeCounts {
  total: number;
  closed: number;
  cancelled: number;
  failed: number;
}

export interface EvaluationFollowUpResult {
  evaluationId: string;
  counts: EvaluationOutcomeCounts;
  /** Every item (issued with `rectifications`), or only the failed ones (issued by reference). */
  items: (
    RectificationOutcome | { rectificationId: string; findingSeq: number; status: 'failed'; error: string }
  )[];
}

export interface EvaluationFollowUpProgress {
  total: number;
  finished: number;
  /** Issued by reference: the follow-up reports its pages (each page answers this query for its items). */
  pages?: { page: number; workflowId: string; total: number; finished: boolean }[];
  children: {
    rectificationId: string;
    findingSeq: number;
    status: RectificationStatus | 'running' | 'failed';
  }[];
}

export const evaluationProgressQuery = defineQuery<EvaluationFollowUpProgress>('progress');
