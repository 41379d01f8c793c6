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

export const tooManyPages = (pages: number, limit: number): ImportError =>
  new ImportError(
    'TOO_LARGE',
    `PDF 共 ${pages} 页，超过导入上限 ${limit} 页，请只保留反馈表/报告正文后再导入。(PDF has ${pages} pages; the limit is ${limit}.)`,
  );

export const pdfTimeout = (ms: number): ImportError =>
  new ImportError(
    'READ_FAILED',
    `PDF 文件在 ${Math.round(ms / 1000)} 秒内未能读取完成（文件过于复杂或已损坏），请另存为 .docx 或 .txt 后再导入。(PDF text extraction timed out.)`,
  );

/** How OCR is switched on, for the refusal below (the API's configuration names, also valid for the CLI). */
export const OCR_SETUP_HINT =
  '如需识别扫描件，请由管理员在服务器上安装 OCR 组件（Debian/Ubuntu：apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils，或以 root 运行 npm run stack），并确认配置 IMPORT_OCR_ENABLED=true；也可将原件转为可复制文字的 PDF/Word 后再导入，或手工新建评价草稿。';

export const noTextLayer = (what: string, reason: string): ImportError =>
  new ImportError(
    'NO_TEXT_LAYER',
    `${what}没有可提取的文字层（可能是扫描件或图片），且${reason}。${OCR_SETUP_HINT} (No text layer; OCR is not available.)`,
  );

export const ocrFailed = (what: string, cause?: unknown): ImportError =>
  new ImportError(
    'NO_TEXT_LAYER',
    `${what}没有文字层，文字识别（OCR）未能识别出文字，请提供清晰的原件或可复制文字的版本，或手工新建评价草稿。(OCR found no text.)`,
    { cause },
  );

export const decompressedTooLarge = (what: string, detail: string): ImportError =>
  new ImportError(
    'DECOMPRESSED_TOO_LARGE',
    `${what}解压后过大或结构异常（${detail}），已拒绝读取，疑似“压缩炸弹”文件；请删除嵌入的大文件后重新保存再导入。(Decompressed size or entry count over the limit.)`,
  );

export const scanTooLong = (pages: number, limit: number): ImportError =>
  new ImportError(
    'TOO_LARGE',
    `扫描件共 ${pages} 页，超过文字识别（OCR）上限 ${limit} 页，请只保留反馈表/报告正文后再导入。(Scanned PDF has ${pages} pages; the OCR limit is ${limit}.)`,
  );

export const imageTooLarge = (pixels: number, limit: number): ImportError =>
  new ImportError(
    'TOO_LARGE',
    `图片约 ${Math.round(pixels / 1e6)} 百万像素，超过文字识别上限 ${Math.round(limit / 1e6)} 百万像素，请缩小后再导入。(Image too large for OCR.)`,
  );

function toMb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1);
}
