import { parseFeedbackForm } from './parse-feedback-form';
import { hasRecognisableStructure } from './recognisable-structure';

describe('hasRecognisableStructure', () => {
  it.each([
    ['', false],
    ['hello world', false],
    ['今天天气很好，我们去公园散步。', false],
    ['评价分值\t88', true],
    ['存在的问题：暂无。', true],
    ['存在的问题\n1. 资金拨付滞后。', true],
  ])('%j → %s', (text, expected) => {
    expect(hasRecognisableStructure(parseFeedbackForm(text))).toBe(expected);
  });
});
