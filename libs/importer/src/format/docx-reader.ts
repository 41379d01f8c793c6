import * as mammoth from 'mammoth';
import { readFailed } from './import-error.messages';
import { htmlToText } from './html-to-text.converter';

/**
 * Word → HTML (mammoth keeps tables as tables) → text with TAB-separated cells, so a .docx reads
 * exactly like text copied out of Word.
 */
export async function readDocx(content: Buffer): Promise<string> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: content })).value;
  } catch (error) {
    throw readFailed('Word 文档', error);
  }
  return htmlToText(html);
}
