import { stripStrayHtml } from './stray-html.stripper';
import { parseOrdinal } from './chinese-numeral.util';

describe('stripStrayHtml', () => {
  it('turns block tags into line breaks and cells into TABs, leaving the rest of the text alone', () => {
    expect(stripStrayHtml('基本情况\t<p>甲</p> <p class="x">乙<br/>丙</p><span style="a">丁</span>')).toBe(
      '基本情况\t\n甲\n \n乙\n丙\n丁',
    );
    expect(stripStrayHtml('<tr><td>a</td><td>b</td></tr>')).toBe('\n\ta\tb\n');
  });

  it('keeps things that are not tags', () => {
    expect(stripStrayHtml('1<2 且 3>2，<景德镇> a<b')).toBe('1<2 且 3>2，<景德镇> a<b');
    expect(stripStrayHtml('&lt;p&gt; R&D &amp;')).toBe('<p> R&D &');
  });
});

describe('parseOrdinal', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['九十九', 99],
    ['７', 7],
    ['二二', null],
    ['十十', null],
  ])('%s → %s', (text, value) => {
    expect(parseOrdinal(text)).toBe(value);
  });
});
