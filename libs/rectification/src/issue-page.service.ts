import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EvaluationPageInput, RectificationInput } from '@rectiflow/contracts';
import { isPagedPlan, planPage, StoredIssuePlan } from './issue-plan';

/** Reads one page of an issued evaluation's items for the page workflow (issuing by reference). */
@Injectable()
export class IssuePageService {
  constructor(private readonly dataSource: DataSource) {}

  async load(input: EvaluationPageInput): Promise<Omit<RectificationInput, 'resume'>[]> {
    const [row] = (await this.dataSource.query('SELECT issuePlan FROM evaluation WHERE id = ?', [
      input.evaluationId,
    ])) as { issuePlan: StoredIssuePlan | string | null }[];
    const stored =
      typeof row?.issuePlan === 'string' ? (JSON.parse(row.issuePlan) as StoredIssuePlan) : row?.issuePlan;
    if (!stored || !isPagedPlan(stored))
      throw new Error(`evaluation ${input.evaluationId} has no issue plan to read pages from`);
    const seqs = stored.items
      .slice(input.page * input.pageSize, (input.page + 1) * input.pageSize)
      .map((i) => i.seq);
    const titles = new Map<number, string>();
    if (seqs.length) {
      const rows = (await this.dataSource.query(
        'SELECT seq, title FROM finding WHERE evaluationId = ? AND seq BETWEEN ? AND ?',
        [input.evaluationId, seqs[0], seqs[seqs.length - 1]],
      )) as { seq: number; title: string }[];
      for (const r of rows) titles.set(Number(r.seq), r.title);
    }
    return planPage(stored, input.page, input.pageSize, titles);
  }
}
