import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 工作台 aggregates and 我的待办 filter the read model by status with the deadline (due soon, to-do order),
 * by closure time (closed this month, closures per week) and by rung; unitId+status already exists.
 */
export class AddDashboardIndexes1765700000001 implements MigrationInterface {
  name = 'AddDashboardIndexes1765700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IDX_rectification_status_deadline ON rectification (status, currentDeadline)`,
    );
    await q.query(`CREATE INDEX IDX_rectification_closed_at ON rectification (closedAt)`);
    await q.query(
      `CREATE INDEX IDX_rectification_escalation_status ON rectification (escalationLevel, status)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IDX_rectification_escalation_status ON rectification`);
    await q.query(`DROP INDEX IDX_rectification_closed_at ON rectification`);
    await q.query(`DROP INDEX IDX_rectification_status_deadline ON rectification`);
  }
}
