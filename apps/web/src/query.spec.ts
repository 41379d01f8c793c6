import { escalationChoice, ledgerQuery, parseLedgerFilters } from '../public/assets/query.js';

const EVAL = '98710fed-487a-4d5d-b23f-bb01a7b293b4';

describe('ledger filters ↔ query string', () => {
  it('builds the API query: repeated keys for lists, fixed order, paging only for the list', () => {
    const f = parseLedgerFilters(
      new URLSearchParams(
        `q=+预算+&status=in_progress&status=closed&type=deadline&overdue=true&evaluationId=${EVAL}&unitId=12&sort=updatedAt&order=desc&page=3`,
      ),
    );
    expect(f).toEqual({
      evaluationId: EVAL,
      unitId: 12,
      status: ['in_progress', 'closed'],
      type: ['deadline'],
      overdue: true,
      q: '预算',
      sort: 'updatedAt',
      order: 'desc',
      page: 3,
    });
    expect(ledgerQuery(f)).toBe(
      `evaluationId=${EVAL}&unitId=12&status=in_progress&status=closed&type=deadline&overdue=true` +
        `&q=%E9%A2%84%E7%AE%97&sort=updatedAt&order=desc&page=3&pageSize=20`,
    );
  });

  it('gives the export the same filters without page parameters (the API rejects unknown ones)', () => {
    const f = parseLedgerFilters(
      new URLSearchParams('status=issued&page=2&pageSize=50&deadlineFrom=2027-01-01'),
    );
    expect(ledgerQuery(f, { paging: false })).toBe('status=issued&deadlineFrom=2027-01-01');
    expect(ledgerQuery(f)).toBe('status=issued&deadlineFrom=2027-01-01&page=2&pageSize=50');
  });

  it('reads the filter form, whose single 督办级别 select means an exact level or 提醒函 and above', () => {
    const form: [string, string][] = [
      ['evaluationId', ''],
      ['overdue', 'false'],
      ['escalation', 'any'],
      ['status', 'acknowledged'],
      ['deadlineTo', '2027-12-31'],
    ];
    const f = parseLedgerFilters(form);
    expect(ledgerQuery(f, { paging: false })).toBe(
      'status=acknowledged&overdue=false&minEscalationLevel=1&deadlineTo=2027-12-31',
    );
    expect(escalationChoice(f)).toBe('any');
    expect(escalationChoice(parseLedgerFilters([['escalation', '0']]))).toBe('0');
    expect(ledgerQuery(parseLedgerFilters([['escalation', '2']]), { paging: false })).toBe(
      'escalationLevel=2',
    );
  });

  it('drops values the API would refuse instead of sending a 400', () => {
    const f = parseLedgerFilters(
      new URLSearchParams(
        'status=nope,issued,issued&type=x&overdue=maybe&escalationLevel=9&deadlineFrom=2027/01/01&evaluationId=1&unitId=-3&sort=evil&order=up',
      ),
    );
    expect(f).toEqual({ status: ['issued'], type: [] });
    expect(ledgerQuery(f, { paging: false })).toBe('status=issued');
  });

  it('leaves out the API’s default order', () => {
    expect(
      ledgerQuery(
        parseLedgerFilters([
          ['sort', 'deadline'],
          ['order', 'asc'],
        ]),
        { paging: false },
      ),
    ).toBe('');
    expect(
      ledgerQuery(
        parseLedgerFilters([
          ['sort', 'status'],
          ['order', 'asc'],
        ]),
        { paging: false },
      ),
    ).toBe('sort=status');
  });

  it('survives a round trip through the page address', () => {
    const f = parseLedgerFilters(
      new URLSearchParams('q=a&b&status=ongoing&minEscalationLevel=1&pageSize=100'),
    );
    expect(parseLedgerFilters(new URLSearchParams(ledgerQuery(f)))).toEqual(f);
  });
});
