import type { Actor, Deadline, EvidenceFileRef, ReviewResult } from './rectification.types';

/**
 * The human steps of a rectification, one Update each. Every command names its actor; the HTTP request id
 * becomes the Update id, so a retried request is applied once.
 */
export interface AcknowledgeCommand {
  actor: Actor;
  comment?: string;
}

export interface SubmitPlanCommand {
  actor: Actor;
  responsiblePerson: string;
  contact?: string;
  measures: { content: string; targetDate: string; targetAt: string; responsiblePerson?: string }[];
}

export interface PlanDecisionCommand {
  actor: Actor;
  comment?: string;
}

export interface AddEvidenceCommand {
  actor: Actor;
  files: EvidenceFileRef[];
  description: string;
  effectiveDate: string;
}

export interface SubmitCommand {
  actor: Actor;
  account: string;
}

export interface ReviewCommand {
  actor: Actor;
  result: ReviewResult;
  comment: string;
}

export interface ProgressReportCommand {
  actor: Actor;
  content: string;
}

export interface RequestExtensionCommand {
  actor: Actor;
  reason: string;
  newDeadline: Deadline;
}

export interface DecideExtensionCommand {
  actor: Actor;
  approve: boolean;
  comment?: string;
}

export interface ReassignCommand {
  actor: Actor;
  unitId: number;
  reason: string;
}

export interface CancelCommand {
  actor: Actor;
  reason: string;
}

/** Command name → argument type; the name is also the Update name and the timeline action. */
export interface RectificationCommands {
  acknowledge: AcknowledgeCommand;
  submitPlan: SubmitPlanCommand;
  approvePlan: PlanDecisionCommand;
  returnPlan: PlanDecisionCommand;
  addEvidence: AddEvidenceCommand;
  submit: SubmitCommand;
  review: ReviewCommand;
  reportProgress: ProgressReportCommand;
  requestExtension: RequestExtensionCommand;
  decideExtension: DecideExtensionCommand;
  reassign: ReassignCommand;
  cancel: CancelCommand;
}
export type RectificationCommandName = keyof RectificationCommands;
export const RECTIFICATION_COMMANDS: RectificationCommandName[] = [
  'acknowledge',
  'submitPlan',
  'approvePlan',
  'returnPlan',
  'addEvidence',
  'submit',
  'review',
  'reportProgress',
  'requestExtension',
  'decideExtension',
  'reassign',
  'cancel',
];
