import { createHmac } from 'node:crypto';
import type { DeliveryJobData } from '../delivery/delivery.types';
import { detectWebhookFormat, dingtalkSignedUrl, webhookBody, webhookTarget } from './webhook-format';

const delivery: DeliveryJobData = {
  deliveryKey: 'rectification-e-1.9.escalation.webhook.unit7',
  notificationKey: 'rectification-e-1.9.escalation',
  event: 'escalation',
  level: 2,
  channel: 'webhook',
  recipient: { kind: 'unit', unitId: 7, name: '市城市管理局' },
  message: {
    title: '【督办通知】市城市管理局',
    body: '市城市管理局负责同志：\n\n现予督办。\n评价项目：某项目\n查看详情：https://x/r/1',
    link: 'https://x/r/1',
  },
  ref: {
    rectificationId: 'rectification-e-1',
    evaluationId: 'e',
    findingSeq: 1,
    unitId: 7,
    deadline: '2026-12-31',
    occurredAt: '2027-01-08T01:30:00.000Z',
  },
};
const sentAt = new Date('2027-01-08T01:30:05.000Z');

describe('webhook formats', () => {
  it('recognises DingTalk and WeCom robots by host', () => {
    expect(detectWebhookFormat('https://oapi.dingtalk.com/robot/send?access_token=abc')).toBe('dingtalk');
    expect(detectWebhookFormat('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc')).toBe('wecom');
    expect(detectWebhookFormat('https://sms-gateway.example.gov.cn/hooks/rectiflow')).toBe('generic');
  });

  it('sends the generic shape with stable field names and the delivery key as id', () => {
    expect(JSON.parse(webhookBody('generic', delivery, sentAt))).toEqual({
      id: delivery.deliveryKey,
      notificationKey: delivery.notificationKey,
      event: 'escalation',
      level: 2,
      title: delivery.message.title,
      text: delivery.message.body,
      link: 'https://x/r/1',
      rectificationId: 'rectification-e-1',
      evaluationId: 'e',
      findingSeq: 1,
      unitId: 7,
      unitName: '市城市管理局',
      deadline: '2026-12-31',
      occurredAt: '2027-01-08T01:30:00.000Z',
      sentAt: '2027-01-08T01:30:05.000Z',
    });
  });

  it('speaks DingTalk robot markdown, one paragraph per line, with a link', () => {
    const body = JSON.parse(webhookBody('dingtalk', delivery, sentAt));
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toBe('【督办通知】市城市管理局');
    expect(body.markdown.text).toBe(
      '#### 【督办通知】市城市管理局\n\n市城市管理局负责同志：\n\n现予督办。\n\n评价项目：某项目\n\n查看详情：https://x/r/1\n\n[查看整改事项](https://x/r/1)',
    );
  });

  it('speaks WeCom robot markdown and stays under its 4096-byte limit', () => {
    const body = JSON.parse(webhookBody('wecom', delivery, sentAt));
    expect(body).toEqual({
      msgtype: 'markdown',
      markdown: { content: expect.stringMatching(/^\*\*【督办通知】市城市管理局\*\*\n\n/) },
    });
    const long = { ...delivery, message: { ...delivery.message, body: '很长的说明。'.repeat(2000) } };
    const content = JSON.parse(webhookBody('wecom', long, sentAt)).markdown.content as string;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    expect(content).toContain('内容过长已截断');
    expect(content.endsWith('[查看整改事项](https://x/r/1)')).toBe(true);
  });

  it('adds DingTalk 加签 timestamp and sign to the robot URL', () => {
    const url = new URL(
      dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 'SECxyz', 1_790_000_000_123),
    );
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe('1790000000123');
    expect(url.searchParams.get('sign')).toBe(
      createHmac('sha256', 'SECxyz').update('1790000000123\nSECxyz').digest('base64'),
    );
  });

  it('never records a robot access token in the ledger target', () => {
    expect(webhookTarget('https://oapi.dingtalk.com/robot/send?access_token=secret')).toBe(
      'https://oapi.dingtalk.com/robot/send',
    );
  });
});
