import type { RecommendationView } from './recommendation.response';
import type { RectificationLink } from './rectification-link.response';

/** 一是/二是 sub-point of a finding with its ①②③ details (importer's ParsedPoint). */
export interface FindingPoint {
  label: string;
  text: string;
  details: string[];
}

/** 屡查屡犯: the earlier finding of the same unit (or its parent) this one reads like. */
export interface RepeatOf {
  evaluationId: string;
  findingSeq: number;
  /** the earlier finding's rectification, when it was issued */
  rectificationId: string | null;
  /** bigram cosine, 0..1, three decimals */
  similarity: number;
}

/** One finding (问题) of an evaluation, as its detail answers it. */
export interface FindingView {
  id: number;
  seq: number;
  title: string;
  text: string;
  points: FindingPoint[];
  recommendationSeq: number | null;
  /** the recommendation `recommendationSeq` points at, inlined for display */
  recommendation: RecommendationView | null;
  /** the rectification item this finding became (after issuing), linked back */
  rectification: RectificationLink | null;
  /** 屡查屡犯: the earlier finding of the same unit (or its parent) this one repeats; set once the unit is known */
  repeatOf: RepeatOf | null;
}
