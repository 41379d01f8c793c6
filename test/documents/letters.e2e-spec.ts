import { Client } from '@temporalio/client';
import { createHash, randomBytes } from 'node:crypto';
import mammoth from 'mammoth';
import request from 'supertest';
import { EvaluationEntity } from '../../libs/persistence/src/entities/evaluation.entity';
import { UnitEntity } from '../../libs/persistence/src/entities/unit.entity';
import type { LetterView as Letter } from '../../libs/contracts/src/api';
import { createUserAndLogin, dataSourceOf, TestAccount } from '../support/auth';
import { rectificationInput } from '../support/rectification-fixtures';
import { eventually, startTestStack, TestStack } from '../support/test-stack';
import { getBinary, Http, importSeed, rid } from '../ledger/rectification-http';
import { minimalPdf, windowsExe } from '../evidence/evidence-fixtures';
import { notificationOverrides, setUnitChannels } from '../notifications/support/notification-fixtures';
import { ReceivedMail, SmtpSink } from '../notifications/support/smtp-sink';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The bytes of every .docx attached to a received mail (base64 MIME parts). */
function docxAttachments(mail: ReceivedMail): Buffer[] {
  const out: Buffer[] = [];
  for (let at = mail.raw.indexOf('wordprocessingml.document'); at >= 0;) {
    const start = mail.raw.indexOf('\r\n\r\n', at) + 4;
    const end = mail.raw.indexOf('\r\n--', start);
    out.push(Buffer.from(mail.raw.slice(start, end).replace(/\s+/g, ''), 'base64'));
    at = mail.raw.indexOf('wordprocessingml.document', end);
  }
  return out;
}

/**
 * 督办文书 on the real stack: an item whose deadline passes seconds after it is issued climbs the whole ladder
 * on a seconds-scale policy; each rung gets its letter with the next 文号 (this file's own prefix, so numbering
 * starts at 1), the .docx reads back with the facts, other units get 404, and a reply shows beside its letter.
 */
describe('supervision letters (督办文书) per rung', () => {
  const prefix = `测督${randomBytes(3).toString('hex')}`;
  let stack: TestStack;
  let http: Http;
  let reviewer: TestAccount;
  let dept: TestAccount;
  let otherDept: TestAccount;
  let evaluationId: string;
  let id: string;
  let letters: Letter[];
  const smtp = new SmtpSink();
  const mailbox = `office-${randomBytes(4).toString('hex')}@unit.example`;

  beforeAll(async () => {
    await smtp.start();
    stack = await startTestStack({
      overrides: notificationOverrides({ LETTER_NUMBER_PREFIX: prefix, SMTP_URL: smtp.url }),
    });
    http = stack.api.getHttpServer();
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    dept = await createUserAndLogin(stack, { role: 'dept_user' });
    otherDept = await createUserAndLogin(stack, { role: 'dept_user' });
    // The unit's mailbox receives every rung's notice (the staff only the first).
    await setUnitChannels(stack, dept.unitId, [mailbox], null);
    evaluationId = await importSeed(http, reviewer);
    id = rid(evaluationId, 1);
    const input = {
      ...rectificationInput({
        evaluationId,
        findingSeq: 1,
        unitId: dept.unitId,
        deadlineInSeconds: 2,
        policy: { reminderOffsetsSeconds: [], escalationOffsetsSeconds: [1, 3, 5, 7] },
      }),
      rectificationId: id,
    };
    await stack.worker!.get(Client).workflow.start('rectificationWorkflow', {
      taskQueue: stack.config.temporal.taskQueue,
      workflowId: id,
      args: [input],
    });
    letters = await eventually(
      async () => {
        const res = await request(http).get(`/api/v1/rectifications/${id}/letters`).set(reviewer.auth);
        return res.status === 200 && res.body.length === 4 ? (res.body as Letter[]) : null;
      },
      120000,
      500,
    );
  });
  afterAll(async () => {
    await stack?.close();
    await smtp.stop();
  });

  it('issues one letter per rung with consecutive 文号', () => {
    const year = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4);
    expect(letters.map((l) => [l.level, l.label, l.docNumber])).toEqual([
      [1, '提醒函', `${prefix}〔${year}〕1号`],
      [2, '督办', `${prefix}〔${year}〕2号`],
      [3, '约谈', `${prefix}〔${year}〕3号`],
      [4, '通报', `${prefix}〔${year}〕4号`],
    ]);
    expect(letters.map((l) => l.fileName)).toEqual([
      `${prefix}〔${year}〕1号提醒函.docx`,
      `${prefix}〔${year}〕2号督办通知书.docx`,
      `${prefix}〔${year}〕3号约谈通知书.docx`,
      `${prefix}〔${year}〕4号通报.docx`,
    ]);
    for (const l of letters) {
      expect(l.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(l.downloadUrl).toBe(`/api/v1/rectifications/${id}/letters/${l.id}/download`);
      expect(l.replies).toEqual([]);
    }
  });

  it('serves each .docx with its SHA-256, reading back the facts of the item and the earlier rungs', async () => {
    const evaluation = await dataSourceOf(stack)
      .getRepository(EvaluationEntity)
      .findOneByOrFail({ id: evaluationId });
    const unit = await dataSourceOf(stack).getRepository(UnitEntity).findOneByOrFail({ id: dept.unitId });
    for (const l of letters) {
      const res = await getBinary(http, dept, l.downloadUrl).expect(200);
      const body = res.body as Buffer;
      expect(res.headers['content-type']).toContain('wordprocessingml');
      expect(res.headers['x-content-sha256']).toBe(l.sha256);
      expect(sha256(body)).toBe(l.sha256);
      const { value } = await mammoth.extractRawText({ buffer: body });
      expect(value).toContain(l.docNumber);
      expect(value).toContain('景德镇市财政局');
      expect(value).toContain(`${unit.name}：`);
      expect(value).toContain(`关于“${evaluation.projectName}”绩效评价问题整改逾期的`);
      expect(value).toContain('问题1：预算绩效管理待完善，预算编制依据不全面');
      expect(value).toContain('联系人：');
      // What happened so far: every earlier rung with its date and 文号.
      for (const earlier of letters.filter((e) => e.level < l.level))
        expect(value).toContain(earlier.docNumber);
      for (const later of letters.filter((e) => e.level > l.level))
        expect(value).not.toContain(later.docNumber);
    }
  });

  it('attaches each rung’s letter to its e-mail notice', async () => {
    const to = mailbox.toLowerCase();
    // Under load the ladder may climb several rungs in one step, announced by one notice carrying each letter.
    const attached = await eventually(
      async () => {
        const mine = smtp.mails.filter(
          (m) => m.to.includes(to) && m.headers['x-rectiflow-event'] === 'escalation',
        );
        const hashes = new Set(mine.flatMap((m) => docxAttachments(m).map(sha256)));
        return letters.every((l) => hashes.has(l.sha256)) ? hashes : null;
      },
      60000,
      500,
    );
    expect([...attached].sort()).toEqual(letters.map((l) => l.sha256).sort());
  });

  it('hides letters of another unit (404 for list and download)', async () => {
    await request(http).get(`/api/v1/rectifications/${id}/letters`).set(otherDept.auth).expect(404);
    const res = await request(http).get(letters[0].downloadUrl).set(otherDept.auth).expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('takes the unit’s written reply, content-checked, and lists it beside its letter', async () => {
    const url = `/api/v1/rectifications/${id}/letters/${letters[1].id}/replies`;
    const pdf = minimalPdf('回复');
    const exe = await request(http)
      .post(url)
      .set(dept.auth)
      .attach('file', windowsExe(), { filename: '情况说明.pdf' })
      .expect(415);
    expect(exe.body.error.details).toMatchObject({ reason: 'EXECUTABLE' });
    await request(http)
      .post(url)
      .set(reviewer.auth)
      .attach('file', pdf, { filename: '说明.pdf' })
      .expect(403);
    await request(http)
      .post(url)
      .set(otherDept.auth)
      .attach('file', pdf, { filename: '说明.pdf' })
      .expect(404);
    const ok = await request(http)
      .post(url)
      .set(dept.auth)
      .attach('file', pdf, { filename: '关于逾期情况的说明.pdf' })
      .expect(201);
    expect(ok.body.replies).toEqual([
      expect.objectContaining({
        fileName: '关于逾期情况的说明.pdf',
        sha256: sha256(pdf),
        uploadedBy: dept.user.displayName,
      }),
    ]);
    const list = await request(http)
      .get(`/api/v1/rectifications/${id}/letters`)
      .set(reviewer.auth)
      .expect(200);
    expect(list.body.map((l: Letter) => l.replies.length)).toEqual([0, 1, 0, 0]);
    const file = await getBinary(http, reviewer, list.body[1].replies[0].downloadUrl).expect(200);
    expect(sha256(file.body as Buffer)).toBe(sha256(pdf));
  });
});
