import { defineQuery } from '@temporalio/workflow';
import type { Actor, RectificationOutcome, RectificationStatus } from './rectification.types';
import type { RectificationInput } from './rectification.definitions';

export const EVALUATION_FOLLOW_UP_WORKFLOW_TYPE = 'evaluationFollowUpWorkflow';
export const evaluationWorkflowId = (evaluationId: string): string => `evaluation-${evaluationId}`;

export interface EvaluationFollowUpInput {
  evaluationId: string;
  issuedBy: Actor;
  issuedAt: string;
  rectifications: Omit<RectificationInput, 'resume'>[];
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
  items: (
    RectificationOutcome | { rectificationId: string; findingSeq: number; status: 'failed'; error: string }
  )[];
}

export interface EvaluationFollowUpProgress {
  total: number;
  finished: number;
  children: {
    rectificationId: string;
    findingSeq: number;
    status: RectificationStatus | 'running' | 'failed';
  }[];
}

export const evaluationProgressQuery = defineQuery<EvaluationFollowUpProgress>('progress');
