import { findAddressee, findDocumentNumber } from '../letter-facts.parser';
import type { KindInput } from './kind-input';

const LETTER_TITLE = /(?:的函|复函|函告|意见函|告知函|提醒函|督办函)$|^关于.{2,60}的(?:通知|函)$/;

/** 函 and cover letters: a letter title, or a 文号 together with an addressee line ("市交通运输局："). */
export function isReviewLetter(input: KindInput): boolean {
  const titled = input.segments.slice(0, 6).some((s) => s.length <= 80 && LETTER_TITLE.test(s));
  return titled || (findDocumentNumber(input.segments) !== null && findAddressee(input.segments) !== null);
}
