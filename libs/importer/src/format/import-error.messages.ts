import { ImportError } from '../model/import-error';

/** Messages reach bureau staff: Chinese first, naming the reason, with an English hint. */
export const emptyFile = (): ImportError =>
  new ImportError(
    'EMPTY_FILE',
    '文件为空，没有可导入的内容。(The file is empty or contains only whitespace.)',
  );

export const binaryFile = (detail: string): ImportError =>
  new ImportError(
    'BINARY_FILE',
    `文件不是文本文档（检测到：${detail}），请上传 .docx、.txt 或 .html 格式的反馈表。(Not a text document; upload a .docx, .txt or .html file.)`,
  );

export const unknownEncoding = (): ImportError =>
  new ImportError(
    'UNKNOWN_ENCODING',
    '无法识别文件的文字编码（支持 UTF-8、GBK/GB18030、UTF-16），请另存为 UTF-8 文本或 .docx 后重试。(Unknown text encoding; save the file as UTF-8 text or .docx.)',
  );

export const unsupportedFormat = (what: string, hint: string): ImportError =>
  new ImportError(
    'UNSUPPORTED_FORMAT',
    `暂不支持${what}，${hint} (Unsupported format: ${what}; please convert to .docx or .txt.)`,
  );

export const tooLarge = (size: number, limit: number): ImportError =>
  new ImportError(
    'TOO_LARGE',
    `文件大小 ${toMb(size)} MB，超过上限 ${toMb(limit)} MB。(File too large: ${size} bytes > ${limit} bytes.)`,
  );

export const readFailed = (what: string, cause?: unknown): ImportError =>
  new ImportError(
    'READ_FAILED',
    `无法读取${what}，文件可能已损坏。(Could not read the ${what === 'Word 文档' ? '.docx' : 'file'}; it may be corrupt.)`,
    { cause },
  );

export const noStructure = (): ImportError =>
  new ImportError(
    'NO_STRUCTURE',
    '未能识别反馈表结构：既没有找到表头信息（评价组织机构、评价分值等），也没有找到“存在的问题”部分。(No recognisable feedback-form structure: no header facts and no problems section.)',
  );

function toMb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1);
}
