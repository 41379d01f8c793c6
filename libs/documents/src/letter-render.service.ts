import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { NotFoundError } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import { ESCALATION_LABELS, STATUS_LABELS, type EscalationLevel } from '@rectiflow/contracts';
import {
  EvaluationEntity,
  FindingEntity,
  RectificationEntity,
  SupervisionLetterEntity,
  UnitEntity,
} from '@rectiflow/persistence';
import { FileStore } from '@rectiflow/storage';
import { renderLetterDocx } from './letter-docx.renderer';
import type { LetterFacts } from './letter-facts';
import { addCalendarDays, civilDateIn } from './letter-number';
import type { Rung } from './escalation-rungs';

/** Gathers a letter's facts from the read model, renders the .docx and stores it (content-addressed). */
@Injectable()
export class LetterRenderService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: FileStore,
    private readonly config: AppConfig,
  ) {}

  /** The letter row with its file stored; renders and stores it the first time. Idempotent. */
  async ensureRendered(letterId: number): Promise<SupervisionLetterEntity> {
    const repo = this.db.getRepository(SupervisionLetterEntity);
    const letter = await repo.findOneBy({ id: letterId });
    if (!letter) throw new NotFoundError('督办文书');
    if (letter.sha256) return letter;
    const content = await renderLetterDocx(await this.facts(letter));
    const blob = await this.store.put(content);
    // Only the first render wins: two concurrent renders differ in their packaging timestamps.
    await repo.update(
      { id: letterId, sha256: IsNull() },
      { sha256: blob.sha256, storageKey: blob.key, size: blob.size },
    );
    return repo.findOneByOrFail({ id: letterId });
  }

  async facts(letter: SupervisionLetterEntity): Promise<LetterFacts> {
    const tz = this.config.notifications.timezone;
    const r = await this.db
      .getRepository(RectificationEntity)
      .findOneByOrFail({ id: letter.rectificationId });
    const s = r.state;
    const [evaluation, unit, finding, earlier] = await Promise.all([
      this.db.getRepository(EvaluationEntity).findOneBy({ id: r.evaluationId }),
      this.db.getRepository(UnitEntity).findOneBy({ id: letter.unitId }),
      this.db.getRepository(FindingEntity).findOneBy({ evaluationId: r.evaluationId, seq: r.findingSeq }),
      this.db.getRepository(SupervisionLetterEntity).find({
        where: { rectificationId: letter.rectificationId, id: LessThan(letter.id) },
        order: { id: 'ASC' },
      }),
    ]);
    const letterDate = civilDateIn(letter.issuedAt, tz);
    const deadlines = s.deadlines.filter((d) => d.setAt <= letter.issuedAt.toISOString());
    const current = (deadlines.length ? deadlines : s.deadlines)[Math.max(0, deadlines.length - 1)];
    return {
      issuer: this.config.documents.issuer,
      docNumber: letter.docNumber,
      level: letter.level as Rung,
      unitName: unit?.name ?? `单位 #${letter.unitId}`,
      projectName: evaluation?.projectName ?? evaluation?.title ?? '绩效评价项目',
      evaluationTitle: evaluation?.title ?? null,
      organizer: evaluation?.organizer ?? null,
      findingSeq: r.findingSeq,
      findingTitle: r.findingTitle,
      findingText: finding?.text ?? null,
      issuedDate: civilDateIn(new Date(s.issuedAt), tz),
      originalDeadline: s.deadlines[0].date,
      currentDeadline: current.date,
      extensions: Math.max(0, current.version - 1),
      statusLabel: STATUS_LABELS[s.status],
      earlierRungs: earlier.map((e) => ({
        level: e.level as EscalationLevel,
        label: ESCALATION_LABELS[e.level as EscalationLevel],
        date: civilDateIn(e.issuedAt, tz),
        docNumber: e.docNumber,
      })),
      letterDate,
      replyBy: addCalendarDays(letterDate, this.config.documents.replyDays),
      contact: this.config.documents.contact,
    };
  }
}
