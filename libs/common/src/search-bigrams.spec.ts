import { searchQuery, searchText } from './search-bigrams';

/** A keyword matches when every required token of its query is in the text (what MATCH … AGAINST does). */
function matches(text: string, keyword: string): boolean {
  const tokens = searchText(text).split(' ');
  const query = searchQuery(keyword);
  if (!query) return false;
  return query
    .split(' ')
    .every((term) =>
      term.endsWith('*')
        ? tokens.some((t) => t.startsWith(term.slice(1, -1)))
        : tokens.includes(term.slice(1)),
    );
}

describe('search bigrams', () => {
  it('writes one token of 8 hex digits per adjacent pair, plus the run end, without duplicates', () => {
    expect(searchText('预算编制')).toBe('98847b97 7b977f16 7f165236 52360000');
    expect(searchText('预算', '预算')).toBe('98847b97 7b970000');
    expect(searchText('', null, undefined)).toBe('');
    for (const t of searchText('2023年工业发展专项资金，PPP项目').split(' '))
      expect(t).toMatch(/^[0-9a-f]{8}$/);
  });

  it('finds Chinese substrings of any length, across the fields, and not text that is absent', () => {
    const title = '预算绩效管理待完善，预算编制依据不全面';
    expect(matches(title, '预算编制')).toBe(true);
    expect(matches(title, '编制依据')).toBe(true);
    expect(matches(title, '绩效')).toBe(true);
    expect(matches(title, '面')).toBe(true); // the last character of the text
    expect(matches(title, '待')).toBe(true);
    expect(matches(title, '专项资金')).toBe(false);
    expect(matches(title, '预算 依据')).toBe(true); // words anywhere, all required
    expect(matches(title, '预算 资金')).toBe(false);
  });

  it('folds width and case, and ignores punctuation', () => {
    expect(matches('２０２３年ＰＰＰ项目', '2023年ppp')).toBe(true);
    expect(matches('工业发展专项资金', '“专项资金”')).toBe(true);
  });

  it('gives no query for a keyword without letters or digits', () => {
    expect(searchQuery('%')).toBeNull();
    expect(searchQuery(' ，。')).toBeNull();
    expect(searchQuery('预算编制')).toBe('+98847b97 +7b977f16 +7f165236');
  });
});
