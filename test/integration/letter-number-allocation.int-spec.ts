import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import type { RectificationState, TimelineEvent } from '../../libs/contracts/src';
import { ESCALATION_LABELS } from '../../libs/contracts/src';
import { LetterIssueHook } from '../../libs/documents/src/letter-issue.hook';
import { LetterNumberService } from '../../libs/documents/src/letter-number.service';
import { LetterRenderService } from '../../libs/documents/src/letter-render.service';
import { buildDataSourceOptions } from '../../libs/persistence/src/data-source-options';
import { SupervisionLetterEntity } from '../../libs/persistence/src/entities/supervision-letter.entity';
import { RectificationProjectionService } from '../../libs/rectification/src/rectification-projection.service';
import { LocalFileStore } from '../../libs/storage/src/local-file-store';
import {
  initialState,
  issuedTransition,
} from '../../workflows/src/rectification/rectification-state.machine';
import { rectificationInput } from '../support/rectification-fixtures';
import { testConfig } from '../support/test-config';
import { eventually } from '../support/test-stack';

/**
 * 文号 allocation against the real MariaDB: concurrent allocators never get the same number nor leave a gap, and
 * the projection of 50 concurrent rungs across 50 items yields 50 letters numbered 1…50, a retried projection
 * allocating nothing more. Each run uses its own prefix, so its sequence starts at 1.
 */
describe('letter numbers (文号) under concurrency', () => {
  const prefix = `测${randomBytes(4).toString('hex')}`;
  const config = testConfig({ LETTER_NUMBER_PREFIX: prefix, DATABASE_POOL_SIZE: '20' });
  let db: DataSource;
  let numbers: LetterNumberService;
  let projection: RectificationProjectionService;

  beforeAll(async () => {
    db = await new DataSource(buildDataSourceOptions(config)).initialize();
    numbers = new LetterNumberService();
    const renderer = new LetterRenderService(db, new LocalFileStore(config.storage.dir), config);
    projection = new RectificationProjectionService(db, new LetterIssueHook(numbers, renderer, config));
  });
  afterAll(async () => {
    await db?.destroy();
    await rm(config.storage.dir, { recursive: true, force: true });
  });

  it('gives 50 concurrent allocations 50 distinct consecutive numbers', async () => {
    const got = await Promise.all(
      Array.from({ length: 50 }, () => db.transaction((tx) => numbers.allocate(tx, `${prefix}甲`, 2031))),
    );
    expect(got.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('leaves no gap when an allocating transaction rolls back', async () => {
    const p = `${prefix}乙`;
    expect(await db.transaction((tx) => numbers.allocate(tx, p, 2031))).toEqual([1]);
    await expect(
      db.transaction(async (tx) => {
        await numbers.allocate(tx, p, 2031, 3);
        throw new Error('rung rolled back');
      }),
    ).rejects.toThrow('rung rolled back');
    expect(await db.transaction((tx) => numbers.allocate(tx, p, 2031, 2))).toEqual([2, 3]);
  });

  it('numbers 50 concurrent rungs across items 1…50, once each, even when the activity is retried', async () => {
    const items = Array.from({ length: 50 }, () => {
      const state = initialState(rectificationInput(), '2026-11-01T02:00:00.000Z');
      const issued = issuedTransition(state).event;
      const snapshotIssued: RectificationState = structuredClone(state);
      const at = '2026-12-02T02:00:00.000Z';
      state.escalationLevel = 1;
      state.overdue = true;
      state.escalations.push({ level: 1, label: ESCALATION_LABELS[1], deadlineVersion: 1, at });
      state.eventSeq += 1;
      const escalation: TimelineEvent = {
        seq: state.eventSeq,
        action: 'escalation',
        actor: null,
        at,
        payload: { level: 1, label: ESCALATION_LABELS[1] },
      };
      return { snapshotIssued, issued, snapshot: state, escalation };
    });
    await Promise.all(items.map((i) => projection.record(i.snapshotIssued, i.issued)));
    await Promise.all(items.map((i) => projection.record(i.snapshot, i.escalation)));
    // A retried activity (same event again) and a late duplicate arriving concurrently.
    await Promise.all(items.slice(0, 10).map((i) => projection.record(i.snapshot, i.escalation)));

    const letters = await db.getRepository(SupervisionLetterEntity).find({ where: { prefix } });
    expect(letters).toHaveLength(50);
    expect(letters.map((l) => l.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect(new Set(letters.map((l) => l.rectificationId)).size).toBe(50);
    expect(new Set(letters.map((l) => l.docNumber)).size).toBe(50);
    expect(letters.every((l) => l.docNumber === `${prefix}〔2026〕${l.seq}号` && l.level === 1)).toBe(true);
    // Rendered in the background after the commit: every letter gets its .docx in the store.
    const rendered = await eventually(async () => {
      const rows = await db.getRepository(SupervisionLetterEntity).find({ where: { prefix } });
      return rows.every((l) => l.sha256) ? rows : null;
    }, 60000);
    expect(rendered.every((l) => /^[0-9a-f]{64}$/.test(l.sha256!))).toBe(true);
  });
});
