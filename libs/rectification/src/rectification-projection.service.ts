import { Injectable, Optional } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { searchText } from '@rectiflow/common';
import {
  RECTIFICATION_STATUSES,
  reboundOfId,
  reboundRound,
  RectificationState,
  TimelineEvent,
} from '@rectiflow/contracts';
import { RectificationEntity, RectificationEventEntity } from '@rectiflow/persistence';
import { RectificationProjectionHook } from './rectification-projection.hook';

/**
 * Writes the read model from the workflow: the snapshot row and the timeline event, in one transaction.
 * Idempotent and order-proof: the event is keyed by (rectificationId, seq), and the row never moves back (an
 * older snapshot arriving late — activities may complete out of order — never overwrites a newer one).
 *
 * At the same seq the later write wins, row and event alike. A local activity runs inside its workflow task; when
 * the server turns that task's completion away (seen in CI: a timer fired while a 撤销 Update's task completed
 * the workflow, UnhandledCommand), the activity has already written, and the retried task may take another path
 * to the same seq (the timer's transition, the Update later or not at all). The retried task's write comes after
 * the abandoned one and is the history's, so it must replace it rather than be ignored as a repeat.
 */
@Injectable()
export class RectificationProjectionService {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() private readonly hook?: RectificationProjectionHook,
  ) {}

  /** Built once: the columns are the entity's, fixed for the process. */
  private upsert?: { sql: string; columns: ColumnMetadata[] };

  async record(snapshot: RectificationState, event: TimelineEvent): Promise<void> {
    const after = await this.dataSource.transaction(async (tx) => {
      // The names the keyword search covers besides the title (two primary-key reads).
      const [names] = (await tx.query(
        'SELECT (SELECT projectName FROM evaluation WHERE id = ?) AS projectName, (SELECT name FROM unit WHERE id = ?) AS unitName',
        [snapshot.evaluationId, snapshot.unitId],
      )) as { projectName: string | null; unitName: string | null }[];
      const row: Omit<RectificationEntity, 'updatedAt'> = {
        ...toRow(snapshot),
        searchText: searchText(snapshot.findingTitle, names?.unitName, names?.projectName),
      };
      const upsert = this.upsertStatement(tx, row);
      await tx.query(upsert.sql, upsert.params);
      // updateEntity(false): one statement, nothing read back.
      await tx
        .createQueryBuilder()
        .insert()
        .into(RectificationEventEntity)
        .values({
          rectificationId: snapshot.id,
          seq: event.seq,
          action: event.action,
          actorId: event.actor?.userId ?? null,
          actorName: event.actor?.name ?? '系统',
          payload: event.payload as object,
          occurredAt: new Date(event.at),
        })
        .orUpdate(['action', 'actorId', 'actorName', 'payload', 'occurredAt'], ['rectificationId', 'seq'])
        .updateEntity(false)
        .execute();
      return this.hook?.onEvent(tx, snapshot, event);
    });
    if (after) await after();
  }

  /**
   * One statement for "insert the row, or move it forward": every column takes the new value only when the
   * snapshot is not older than the row (`lastEventSeq`; equal: see the class comment), which is assigned last because MySQL evaluates the
   * assignments left to right and later ones see it already changed. Values are prepared by TypeORM's driver, as
   * its own INSERT would (JSON, booleans, dates in the connection's time zone).
   */
  private upsertStatement(
    tx: EntityManager,
    row: Omit<RectificationEntity, 'updatedAt'>,
  ): { sql: string; params: unknown[] } {
    this.upsert ??= buildUpsert(tx.connection.getMetadata(RectificationEntity).columns, row);
    const driver = tx.connection.driver;
    const values = row as unknown as Record<string, unknown>;
    return {
      sql: this.upsert.sql,
      params: this.upsert.columns.map(
        (c) => driver.preparePersistentValue(values[c.propertyName], c) as unknown,
      ),
    };
  }
}

function buildUpsert(
  entityColumns: ColumnMetadata[],
  row: object,
): { sql: string; columns: ColumnMetadata[] } {
  const q = (c: ColumnMetadata) => `\`${c.databaseName}\``;
  const written = entityColumns.filter((c) => c.propertyName in row);
  const seq = written.find((c) => c.propertyName === 'lastEventSeq');
  if (!seq) throw new Error('rectification.lastEventSeq is not mapped');
  const columns = [...written.filter((c) => c !== seq), seq];
  const notOlder = `VALUES(${q(seq)}) >= ${q(seq)}`;
  const assignments = columns.map((c) =>
    c === seq
      ? `${q(c)} = GREATEST(${q(c)}, VALUES(${q(c)}))`
      : `${q(c)} = IF(${notOlder}, VALUES(${q(c)}), ${q(c)})`,
  );
  return {
    sql: `INSERT INTO rectification (${columns.map(q).join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON DUPLICATE KEY UPDATE ${assignments.join(', ')}`,
    columns,
  };
}

function toRow(s: RectificationState): Omit<RectificationEntity, 'updatedAt' | 'searchText'> {
  // A 回头看 反弹 reopens the finding under a derived id; the round and the item it reopens follow from it.
  const round = reboundRound(s.id);
  const original = s.deadlines[0];
  const current = s.deadlines[s.deadlines.length - 1];
  const plan = s.plans[s.plans.length - 1];
  const review = s.reviews[s.reviews.length - 1];
  return {
    id: s.id,
    evaluationId: s.evaluationId,
    findingSeq: s.findingSeq,
    findingTitle: s.findingTitle.slice(0, 500),
    round,
    reboundOf: reboundOfId(s.id),
    status: s.status,
    statusRank: RECTIFICATION_STATUSES.indexOf(s.status) + 1,
    type: s.type,
    unitId: s.unitId,
    originalDeadline: original.date,
    currentDeadline: current.date,
    currentDeadlineAt: new Date(current.at),
    deadlineProvisional: current.provisional === true,
    extensionCount: s.extensions.filter((e) => e.decision?.approved).length,
    escalationLevel: s.escalationLevel,
    maxEscalationLevel: s.escalations.reduce<number>((m, e) => Math.max(m, e.level), s.escalationLevel),
    overdue: s.overdue,
    responsiblePerson: plan?.responsiblePerson?.slice(0, 100) ?? null,
    evidenceCount: s.evidence.reduce((n, e) => n + e.files.length, 0),
    lastReviewResult: review?.result ?? null,
    issuedAt: new Date(s.issuedAt),
    closedAt: s.closedAt ? new Date(s.closedAt) : null,
    cancelledAt: s.cancelled ? new Date(s.cancelled.at) : null,
    state: s,
    lastEventSeq: s.eventSeq,
    ledgerPlan: plan ?? null,
    ledgerEvidence: s.evidence.length > 0 ? s.evidence : null,
    ledgerReview: review ?? null,
    ledgerProgress: s.progressReports[s.progressReports.length - 1] ?? null,
    ledgerSubmission: s.submissions[s.submissions.length - 1] ?? null,
  };
}
