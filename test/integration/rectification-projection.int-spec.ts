import { DataSource } from 'typeorm';
import type { RectificationState, TimelineEvent } from '../../libs/contracts/src';
import { buildDataSourceOptions } from '../../libs/persistence/src/data-source-options';
import { RectificationEntity } from '../../libs/persistence/src/entities/rectification.entity';
import { RectificationEventEntity } from '../../libs/persistence/src/entities/rectification-event.entity';
import { RectificationProjectionService } from '../../libs/rectification/src/rectification-projection.service';
import {
  initialState,
  issuedTransition,
} from '../../workflows/src/rectification/rectification-state.machine';
import { applyStep } from '../../libs/contracts/src/rectification/step-catalog';
import { bureauReviewer, deptUser, rectificationInput } from '../support/rectification-fixtures';
import { testConfig } from '../support/test-config';

/**
 * The read model's one-statement upsert on the real MariaDB: it writes what TypeORM reads back unchanged, moves
 * only forward when snapshots arrive out of order, a repeated event is kept once, and at the same seq the later
 * write wins (what a workflow task turned away wrote is replaced by what its retry wrote).
 */
describe('rectification projection (insert or move forward)', () => {
  const config = testConfig();
  let db: DataSource;
  let projection: RectificationProjectionService;

  beforeAll(async () => {
    db = await new DataSource(buildDataSourceOptions(config)).initialize();
    projection = new RectificationProjectionService(db);
  });
  afterAll(() => db?.destroy());

  /** 下发 then 签收 of a fresh item: the two snapshots and their events, as the workflow would send them. */
  function journey(): {
    issued: [RectificationState, TimelineEvent];
    acked: [RectificationState, TimelineEvent];
  } {
    const state = initialState(rectificationInput(), '2026-11-01T02:00:00.000Z');
    const first = issuedTransition(state).event;
    const issued: [RectificationState, TimelineEvent] = [structuredClone(state), first];
    const ack = applyStep(state, 'acknowledge', { actor: deptUser }, '2026-11-02T03:04:05.678Z').event;
    return { issued, acked: [structuredClone(state), ack] };
  }

  const rowOf = (id: string) =>
    db.getRepository(RectificationEntity).findOneByOrFail({ id }) as Promise<RectificationEntity>;
  const eventsOf = (id: string) =>
    db
      .getRepository(RectificationEventEntity)
      .find({ where: { rectificationId: id }, order: { seq: 'ASC' } });

  it('writes the columns TypeORM reads back as they were (dates, JSON, booleans)', async () => {
    const { issued } = journey();
    const [snapshot] = issued;
    await projection.record(...issued);
    const row = await rowOf(snapshot.id);
    expect(row.status).toBe('issued');
    expect(row.lastEventSeq).toBe(snapshot.eventSeq);
    expect(row.state).toEqual(snapshot);
    expect(row.issuedAt.toISOString()).toBe(snapshot.issuedAt);
    expect(row.currentDeadlineAt.toISOString()).toBe(snapshot.deadlines[0].at);
    expect(row.currentDeadline).toBe(snapshot.deadlines[0].date);
    expect(row.overdue).toBe(false);
    expect(row.closedAt).toBeNull();
    const [searchText] = (await db.query('SELECT searchText FROM rectification WHERE id = ?', [
      snapshot.id,
    ])) as {
      searchText: string;
    }[];
    expect(searchText.searchText.length).toBeGreaterThan(0);
  });

  it('keeps the newer snapshot when an older one arrives late, and every event once', async () => {
    const { issued, acked } = journey();
    const id = issued[0].id;
    await projection.record(...acked);
    await projection.record(...issued);
    await projection.record(...acked);
    const row = await rowOf(id);
    expect(row.status).toBe('acknowledged');
    expect(row.lastEventSeq).toBe(acked[0].eventSeq);
    expect(row.state).toEqual(acked[0]);
    const events = await eventsOf(id);
    expect(events.map((e) => [e.seq, e.action])).toEqual([
      [issued[1].seq, issued[1].action],
      [acked[1].seq, acked[1].action],
    ]);
    expect(events[1].actorName).toBe(deptUser.name);
    expect(events[1].occurredAt.toISOString()).toBe('2026-11-02T03:04:05.678Z');
  });

  it('moves an older row forward', async () => {
    const { issued, acked } = journey();
    await projection.record(...issued);
    const before = await rowOf(issued[0].id);
    await projection.record(...acked);
    const after = await rowOf(issued[0].id);
    expect(before.status).toBe('issued');
    expect(after.status).toBe('acknowledged');
    expect(after.lastEventSeq).toBe(acked[0].eventSeq);
  });

  it('replaces what an abandoned workflow task wrote at the same seq with what its retry wrote', async () => {
    const state = initialState(rectificationInput(), '2026-11-01T02:00:00.000Z');
    const issued = issuedTransition(state).event;
    await projection.record(structuredClone(state), issued);
    // The abandoned task: 撤销 applied and projected, then its completion refused by the server.
    const abandonedState = structuredClone(state);
    const abandoned = applyStep(
      abandonedState,
      'cancel',
      { actor: bureauReviewer, reason: '测试撤销' },
      '2026-11-02T03:00:00.000Z',
    ).event;
    await projection.record(abandonedState, abandoned);
    // The retried task took another path to the same seq: the department's 签收.
    const ack = applyStep(state, 'acknowledge', { actor: deptUser }, '2026-11-02T03:00:01.000Z').event;
    expect(ack.seq).toBe(abandoned.seq);
    await projection.record(structuredClone(state), ack);

    const row = await rowOf(state.id);
    expect(row.status).toBe('acknowledged');
    expect(row.closedAt).toBeNull();
    expect(row.state).toEqual(state);
    const events = await eventsOf(state.id);
    expect(events.map((e) => [e.seq, e.action, e.actorName])).toEqual([
      [issued.seq, issued.action, issued.actor?.name ?? '系统'],
      [ack.seq, 'acknowledge', deptUser.name],
    ]);
    expect(events[1].occurredAt.toISOString()).toBe('2026-11-02T03:00:01.000Z');
  });
});
