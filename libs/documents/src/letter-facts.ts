import type { EscalationLevel } from '@rectiflow/contracts';

/** An earlier rung of the same item, as the letter recounts it. */
export interface EarlierRung {
  level: EscalationLevel;
  label: string;
  date: string; // YYYY-MM-DD in the bureau's time zone
  docNumber: string | null;
}

/** Everything a supervision letter prints; gathered from the read model, rendered by renderLetterDocx. */
export interface LetterFacts {
  issuer: string;
  docNumber: string;
  level: Exclude<EscalationLevel, 0>;
  unitName: string;
  projectName: string;
  evaluationTitle: string | null;
  organizer: string | null;
  findingSeq: number;
  findingTitle: string;
  findingText: string | null;
  issuedDate: string; // 下发 date of the item
  originalDeadline: string;
  currentDeadline: string;
  extensions: number;
  statusLabel: string;
  earlierRungs: EarlierRung[];
  letterDate: string; // YYYY-MM-DD
  replyBy: string; // YYYY-MM-DD
  contact: string;
}
