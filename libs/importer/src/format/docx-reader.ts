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
    // Images are never read: only text is wanted, and mammoth would otherwise inline each as base64.
    const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
    html = (await mammoth.convertToHtml({ buffer: content }, { convertImage: noImages })).value;
  } catch (error) {
    throw readFailed('Word 文档', error);
  }
  return htmlToText(html);
}
