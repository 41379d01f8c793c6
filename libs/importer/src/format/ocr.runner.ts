import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropCjkSpaces } from './pdf-layout';

export interface OcrOptions {
  /** false: never run OCR (a scan is refused with NO_TEXT_LAYER) */
  enabled: boolean;
  /** tesseract executable (Debian: tesseract-ocr) */
  command: string;
  /** poppler's pdftoppm, renders scanned PDF pages to images (Debian: poppler-utils) */
  pdftoppmCommand: string;
  /** tesseract languages; chi_sim comes from tesseract-ocr-chi-sim */
  languages: string;
  /** pages of a scanned PDF read by OCR; a longer scan is refused */
  maxPages: number;
  /** per child process (one page render or one page recognition) */
  timeoutMs: number;
  /** rendering resolution for scanned PDF pages */
  dpi: number;
  /** an image larger than this (width × height) is refused before OCR */
  maxPixels: number;
}

export const DEFAULT_OCR_OPTIONS: OcrOptions = {
  enabled: true,
  command: 'tesseract',
  pdftoppmCommand: 'pdftoppm',
  languages: 'chi_sim+eng',
  maxPages: 30,
  timeoutMs: 120_000,
  dpi: 200,
  maxPixels: 60_000_000,
};

export type OcrReadiness = { ok: true } | { ok: false; reason: string };

const MAX_OUTPUT = 16 * 1024 * 1024;

function run(command: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: MAX_OUTPUT,
        encoding: 'utf8',
      },
      (err, stdout, stderr) => (err ? reject(Object.assign(err, { stderr })) : resolve(`${stdout}${stderr}`)),
    );
  });
}

const readiness = new Map<string, Promise<OcrReadiness>>();

/**
 * Whether OCR can run with these options: the programs exist and tesseract has every language asked for
 * (Chinese needs tesseract-ocr-chi-sim). Answered once per configuration and kept, as installing packages
 * needs a restart anyway. The reason is Chinese, for the NO_TEXT_LAYER refusal.
 */
export function ocrReadiness(opts: OcrOptions, forPdf: boolean): Promise<OcrReadiness> {
  if (!opts.enabled) return Promise.resolve({ ok: false, reason: '服务器未启用文字识别（OCR）' });
  const key = `${opts.command}\0${opts.languages}\0${forPdf ? opts.pdftoppmCommand : ''}`;
  let answer = readiness.get(key);
  if (!answer) {
    answer = probe(opts, forPdf);
    readiness.set(key, answer);
  }
  return answer;
}

async function probe(opts: OcrOptions, forPdf: boolean): Promise<OcrReadiness> {
  let listed: string;
  try {
    listed = await run(opts.command, ['--list-langs'], 15_000);
  } catch {
    return { ok: false, reason: `服务器未安装文字识别程序 tesseract（找不到「${opts.command}」）` };
  }
  const have = new Set(listed.split(/\s+/));
  const missing = opts.languages.split('+').filter((l) => l && !have.has(l));
  if (missing.length)
    return {
      ok: false,
      reason: `文字识别程序缺少语言包 ${missing.join('、')}（中文为 tesseract-ocr-chi-sim）`,
    };
  if (forPdf) {
    try {
      await run(opts.pdftoppmCommand, ['-v'], 15_000);
    } catch {
      return {
        ok: false,
        reason: `服务器未安装 PDF 渲染工具 pdftoppm（poppler-utils，找不到「${opts.pdftoppmCommand}」）`,
      };
    }
  }
  return { ok: true };
}

/**
 * Text of one page image. With preserve_interword_spaces tesseract keeps a table's column gaps as runs of
 * spaces and reads its rules as `|`: both become a TAB, so cells stay apart as in the text layer of a PDF;
 * its single spaces between Chinese characters are dropped.
 */
async function recognise(image: string, opts: OcrOptions): Promise<string> {
  const out = await run(
    opts.command,
    [image, 'stdout', '-l', opts.languages, '--psm', '3', '-c', 'preserve_interword_spaces=1'],
    opts.timeoutMs,
  );
  return out
    .split('\n')
    .map((line) =>
      dropCjkSpaces(dropCjkSpaces(line.trim()))
        .replace(/ *[|｜] *| {3,}/g, '\t')
        .replace(/\t{2,}/g, '\t')
        .replace(/^\t|\t$/g, ''),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

async function inTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'rectiflow-ocr-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** OCR of a PNG/JPEG image (the caller has checked `ocrReadiness`). */
export function ocrImage(content: Buffer, ext: 'png' | 'jpg', opts: OcrOptions): Promise<string> {
  return inTempDir(async (dir) => {
    const file = join(dir, `page.${ext}`);
    await writeFile(file, content);
    return recognise(file, opts);
  });
}

/** OCR of a scanned PDF's first `pages` pages: each rendered by pdftoppm, then recognised, one at a time. */
export function ocrPdf(content: Buffer, pages: number, opts: OcrOptions): Promise<string> {
  return inTempDir(async (dir) => {
    const file = join(dir, 'scan.pdf');
    await writeFile(file, content);
    await run(
      opts.pdftoppmCommand,
      ['-r', String(opts.dpi), '-gray', '-png', '-f', '1', '-l', String(pages), file, join(dir, 'page')],
      opts.timeoutMs * Math.max(1, pages),
    );
    const images = (await readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f)).sort();
    const texts: string[] = [];
    for (const image of images) texts.push(await recognise(join(dir, image), opts));
    return texts.filter((t) => t !== '').join('\n\n');
  });
}

/** Pixel size from a PNG's IHDR or a JPEG's SOF marker; null when it cannot be read. */
export function imagePixels(content: Buffer, ext: 'png' | 'jpg'): number | null {
  if (ext === 'png') return content.length >= 24 ? content.readUInt32BE(16) * content.readUInt32BE(20) : null;
  for (let i = 2; i + 9 < content.length;) {
    if (content[i] !== 0xff) return null;
    const marker = content[i + 1];
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return content.readUInt16BE(i + 5) * content.readUInt16BE(i + 7);
    i += 2 + content.readUInt16BE(i + 2);
  }
  return null;
}
