import { MigrationInterface, QueryRunner } from 'typeorm';

/** The last element of a state array by an index computed per row (see the class comment). */
const lastOf = (array: string): string =>
  `CASE WHEN JSON_LENGTH(state, '$.${array}') > 0
     THEN JSON_EXTRACT(state, CONCAT('$.${array}[', JSON_LENGTH(state, '$.${array}') - 1, ']')) END`;

/**
 * What the printed ledger shows from the workflow state, as real columns written by the projection: the current
 * plan, the evidence batches, the last review, progress report and submission. The export used to read them with
 * `JSON_EXTRACT(state, '$.plans[last]')`, which MariaDB resolves once for the first row of a statement and then
 * returns NULL for the others (整改措施, 认定结果, 进展 empty on every line but the first). The backfill computes
 * each row's own last index instead of `[last]`.
 */
export class AddLedgerColumns1765500000001 implements MigrationInterface {
  name = 'AddLedgerColumns1765500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rectification
      ADD COLUMN ledgerPlan JSON NULL,
      ADD COLUMN ledgerEvidence JSON NULL,
      ADD COLUMN ledgerReview JSON NULL,
      ADD COLUMN ledgerProgress JSON NULL,
      ADD COLUMN ledgerSubmission JSON NULL`);
    await q.query(`UPDATE rectification SET
      ledgerPlan = ${lastOf('plans')},
      ledgerEvidence = CASE WHEN JSON_LENGTH(state, '$.evidence') > 0 THEN JSON_EXTRACT(state, '$.evidence') END,
      ledgerReview = ${lastOf('reviews')},
      ledgerProgress = ${lastOf('progressReports')},
      ledgerSubmission = ${lastOf('submissions')},
      updatedAt = updatedAt`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rectification
      DROP COLUMN ledgerPlan, DROP COLUMN ledgerEvidence, DROP COLUMN ledgerReview,
      DROP COLUMN ledgerProgress, DROP COLUMN ledgerSubmission`);
  }
}
