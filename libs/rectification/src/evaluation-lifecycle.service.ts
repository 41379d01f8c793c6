import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EvaluationFollowUpResult, EvaluationOutcomeCounts } from '@rectiflow/contracts';

/** The evaluation's side of the follow-up workflow: issued when it starts, finished when every item ended. */
@Injectable()
export class EvaluationLifecycleService {
  constructor(private readonly dataSource: DataSource) {}

  /** Idempotent: only a draft moves to issued; a retry finds it issued already. */
  async markIssued(evaluationId: string, issuedAt: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE evaluation SET status = 'issued', issuedAt = COALESCE(issuedAt, ?) WHERE id = ? AND status = 'draft'`,
      [new Date(issuedAt), evaluationId],
    );
  }

  /** Idempotent: records the outcome once (对账销号). */
  async markFinished(
    evaluationId: string,
    finishedAt: string,
    counts: EvaluationOutcomeCounts,
    result: EvaluationFollowUpResult,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE evaluation SET status = 'finished', finishedAt = ?, outcome = ? WHERE id = ? AND status = 'issued'`,
      [new Date(finishedAt), JSON.stringify({ counts, items: result.items }), evaluationId],
    );
  }
}
