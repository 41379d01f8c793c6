import type { Actor, Deadline, EvidenceFileRef, ReviewResult } from './rectification.types';

/**
 * The human steps of a rectification, one Update each. A step's payload is what the caller sends; the command
 * is the payload plus the actor the server adds. The HTTP request id becomes the Update id, so a retried
 * request is applied once. Names and shapes are frozen by the committed histories (workflows/histories).
 */
export interface RectificationStepPayloads {
  acknowledge: { comment?: string };
  submitPlan: {
    responsiblePerson: string;
    contact?: string;
    measures: { content: string; targetDate: string; targetAt: string; responsiblePerson?: string }[];
  };
  approvePlan: { comment?: string };
  returnPlan: { comment?: string };
  addEvidence: { files: EvidenceFileRef[]; description: string; effectiveDate: string };
  submit: { account: string };
  review: { result: ReviewResult; comment: string };
  reportProgress: { content: string };
  requestExtension: { reason: string; newDeadline: Deadline };
  decideExtension: { approve: boolean; comment?: string };
  reassign: { unitId: number; reason: string };
  cancel: { reason: string };
}
export type RectificationStepName = keyof RectificationStepPayloads;

/** A step's command: its payload plus the actor. The Update's argument. */
export type StepCommand<K extends RectificationStepName> = RectificationStepPayloads[K] & { actor: Actor };

/** Command name → argument type; the name is also the Update name and the timeline action. */
export type RectificationCommands = { [K in RectificationStepName]: StepCommand<K> };
export type RectificationCommandName = RectificationStepName;

export type AcknowledgeCommand = RectificationCommands['acknowledge'];
export type SubmitPlanCommand = RectificationCommands['submitPlan'];
export type PlanDecisionCommand = RectificationCommands['approvePlan'];
export type AddEvidenceCommand = RectificationCommands['addEvidence'];
export type SubmitCommand = RectificationCommands['submit'];
export type ReviewCommand = RectificationCommands['review'];
export type ProgressReportCommand = RectificationCommands['reportProgress'];
export type RequestExtensionCommand = RectificationCommands['requestExtension'];
export type DecideExtensionCommand = RectificationCommands['decideExtension'];
export type ReassignCommand = RectificationCommands['reassign'];
export type CancelCommand = RectificationCommands['cancel'];

/**
 * Every step, in the order the workflow registers its Update handlers (kept as it was when the histories were
 * recorded).
 */
export const RECTIFICATION_COMMANDS: readonly RectificationStepName[] = [
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
