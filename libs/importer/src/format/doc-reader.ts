import WordExtractor from 'word-extractor';
import { readFailed } from './import-error.messages';

/** word-extractor's getBody takes options its typings leave out. */
type BodyReader = (options: { filterUnicode: boolean }) => string;

/**
 * Word 97–2003 (.doc) → text, by word-extractor (pure JavaScript, reads the OLE2 container and Word's piece
 * table). Its "unicode filter" would turn “” into " and — into -, losing the quotes a problem title sits in, so it
 * is switched off. Table cells end in TAB (the cell mark) and rows in a newline, as in text copied out of Word;
 * the TAB after a row's last cell is dropped.
 */
export async function readDoc(content: Buffer): Promise<string> {
  try {
    const doc = await new WordExtractor().extract(content);
    const body = (doc.getBody as BodyReader).call(doc, { filterUnicode: false });
    return body
      .replace(/\r\n?/g, '\n')
      .replace(/[\t ]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n');
  } catch (error) {
    throw readFailed('Word 97-2003 文档（.doc）', error);
  }
}
