import type { FindingPoint } from '@rectiflow/persistence';

/** Header facts a draft edit may correct; null clears a fact, an absent key leaves it. */
export interface HeaderPatch {
  title?: string | null;
  projectName?: string | null;
  organizer?: string | null;
  supervisingDepartment?: string | null;
  projectUnit?: string | null;
  projectPeriod?: string | null;
  evaluator?: string | null;
  evaluationPeriod?: string | null;
  score?: number | null;
  grade?: '优' | '良' | '中' | '差' | null;
  basicInfo?: string | null;
  performanceSummary?: string | null;
  budget?: number | null;
  allocated?: number | null;
  spent?: number | null;
  executionRate?: number | null;
}

export const HEADER_PATCH_KEYS: ReadonlyArray<keyof HeaderPatch> = [
  'title',
  'projectName',
  'organizer',
  'supervisingDepartment',
  'projectUnit',
  'projectPeriod',
  'evaluator',
  'evaluationPeriod',
  'score',
  'grade',
  'basicInfo',
  'performanceSummary',
  'budget',
  'allocated',
  'spent',
  'executionRate',
];

export interface FindingPatch {
  title?: string;
  text?: string;
  points?: FindingPoint[];
  /** seq of an existing recommendation, or null to unpair */
  recommendationSeq?: number | null;
}

export interface NewFinding {
  /** derived from the first sentence of `text` when absent */
  title?: string;
  text: string;
  points?: FindingPoint[];
  recommendationSeq?: number | null;
  /** 1…n+1: the seq it takes (later findings move down); default: last */
  position?: number;
}

/** Either the texts of the parts (2 or more, in order) or a character offset into the finding's text. */
export type SplitRequest = { parts: Array<{ title?: string; text: string }> } | { offset: number };

export interface MergeRequest {
  /** two or more seqs, adjacent or not; the merged finding takes the smallest */
  seqs: number[];
  /** default: the first finding's title */
  title?: string;
  /** default: the first pairing among the merged findings, in seq order */
  recommendationSeq?: number | null;
}

export interface RecommendationPatch {
  title?: string;
  text?: string;
}

export interface NewRecommendation {
  title?: string;
  text: string;
  position?: number;
}
