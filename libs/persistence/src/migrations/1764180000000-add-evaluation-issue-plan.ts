import { MigrationInterface, QueryRunner } from 'typeorm';

/** What was issued, kept with the evaluation so a failed workflow start can be resumed with the same input. */
export class AddEvaluationIssuePlan1764180000000 implements MigrationInterface {
  name = 'AddEvaluationIssuePlan1764180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE evaluation ADD COLUMN deliveryDate DATE NULL AFTER departmentUnitId, ADD COLUMN issuePlan JSON NULL AFTER deliveryDate',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE evaluation DROP COLUMN issuePlan, DROP COLUMN deliveryDate');
  }
}
