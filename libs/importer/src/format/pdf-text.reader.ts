import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { pdfTimeout, readFailed, tooManyPages } from './import-error.messages';
import { layoutDocument, type PdfTextItem } from './pdf-layout';
import { PDF_WORKER_SOURCE } from './pdf-text.worker-source';

export interface PdfLimits {
  /** pages read; a longer document is refused (TOO_LARGE) rather than silently cut. Default 500 */
  maxPages: number;
  /** wall time for the whole document. Default 60 s */
  timeoutMs: number;
  /** heap of the worker thread that runs pdf.js (a hostile PDF cannot take the process down). Default 512 MB */
  maxHeapMb: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { maxPages: 500, timeoutMs: 60_000, maxHeapMb: 512 };

export interface PdfText {
  text: string;
  pages: number;
}

interface WorkerReply {
  ok: boolean;
  pageCount?: number;
  pages?: PdfTextItem[][];
  name?: string;
  message?: string;
}

/**
 * The text layer of a PDF, in reading order (see `layoutDocument`), read offline by pdf.js with its bundled
 * CMaps (needed for the CID fonts Chinese PDFs use) in a worker thread bounded in heap and time. Throws
 * ImportError: READ_FAILED for a damaged or encrypted file, TOO_LARGE past `maxPages` or the time limit.
 */
export async function readPdfText(content: Buffer, limits: Partial<PdfLimits> = {}): Promise<PdfText> {
  const { maxPages, timeoutMs, maxHeapMb } = { ...DEFAULT_PDF_LIMITS, ...limits };
  const reply = await runWorker(content, maxPages, timeoutMs, maxHeapMb);
  if (!reply.ok) {
    const encrypted = reply.name === 'PasswordException';
    throw readFailed(encrypted ? '加密的 PDF 文件（需要密码）' : 'PDF 文件', new Error(reply.message));
  }
  const pageCount = reply.pageCount ?? 0;
  if (pageCount > maxPages) throw tooManyPages(pageCount, maxPages);
  return { text: layoutDocument(reply.pages ?? []), pages: pageCount };
}

function runWorker(
  content: Buffer,
  maxPages: number,
  timeoutMs: number,
  maxHeapMb: number,
): Promise<WorkerReply> {
  const paths = pdfjsPaths();
  // A copy: the worker takes ownership of what it is sent, and the caller's buffer must stay intact.
  const data = new Uint8Array(content);
  return new Promise<WorkerReply>((resolve, reject) => {
    const worker = new Worker(PDF_WORKER_SOURCE, {
      eval: true,
      workerData: { data, maxPages, ...paths },
      transferList: [data.buffer],
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(pdfTimeout(timeoutMs))), timeoutMs);
    worker.once('message', (msg: WorkerReply) => finish(() => resolve(msg)));
    worker.once('error', (err: Error & { code?: string }) =>
      finish(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? readFailed('PDF 文件（解析所需内存超过上限）', err)
            : readFailed('PDF 文件', err),
        ),
      ),
    );
    worker.once('exit', (code) =>
      finish(() => reject(readFailed('PDF 文件', new Error(`pdf worker exited with ${code}`)))),
    );
  });
}

let cached: { pdfjsPath: string; cMapDir: string; fontDir: string } | null = null;

/** Absolute locations inside the installed pdfjs-dist (the worker has no module resolution of its own). */
function pdfjsPaths(): { pdfjsPath: string; cMapDir: string; fontDir: string } {
  if (!cached) {
    const root = dirname(require.resolve('pdfjs-dist/package.json'));
    cached = {
      pdfjsPath: join(root, 'legacy', 'build', 'pdf.mjs'),
      cMapDir: join(root, 'cmaps') + '/',
      fontDir: join(root, 'standard_fonts') + '/',
    };
  }
  return cached;
}
