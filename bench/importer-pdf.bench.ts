import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractText, parseFeedbackForm } from '../libs/importer/src';
import { BenchResult, median, round, timeRuns } from './bench-utils';

const MB = 1024 * 1024;

/** Runs `fn` while sampling RSS every 5 ms; answers the highest RSS seen above the RSS at the start. */
async function peakRssDelta(fn: () => Promise<unknown>): Promise<number> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage.rss()) - start;
}

/**
 * PDF import of a 100-page report (bench/fixtures/report-100-pages.pdf, LibreOffice-generated, one report per
 * page): pdf.js text extraction in its worker thread + parsing, against a baseline measured in the same run —
 * the same extracted text imported as a UTF-8 .txt (decode + parse). Medians over 5 runs; peak RSS above the
 * process's RSS before each scenario (the pdf.js worker runs in this process, so it is included).
 */
export async function run(): Promise<BenchResult> {
  const pdf = readFileSync(resolve(__dirname, 'fixtures/report-100-pages.pdf'));
  const first = await extractText(pdf);
  const txt = Buffer.from(first.text, 'utf8');
  const viaPdf = async () => parseFeedbackForm((await extractText(pdf)).text);
  const viaTxt = async () => parseFeedbackForm((await extractText(txt)).text);

  const txtPeak = await peakRssDelta(() => viaTxt());
  const pdfPeak = await peakRssDelta(() => viaPdf());
  const txtTimes = await timeRuns(viaTxt, 5, 1);
  const pdfTimes = await timeRuns(viaPdf, 5, 1);
  const extractOnly = await timeRuns(() => extractText(pdf), 5, 0);
  return {
    name: 'importer-pdf',
    description: '100-page PDF: extractText (pdf.js worker) + parseFeedbackForm vs the same text as .txt',
    pdf_bytes: pdf.length,
    pages: first.pages,
    text_chars: first.text.length,
    pdf_median_ms: round(median(pdfTimes)),
    pdf_extract_only_median_ms: round(median(extractOnly)),
    txt_baseline_median_ms: round(median(txtTimes)),
    pdf_to_txt_ratio: round(median(pdfTimes) / median(txtTimes), 1),
    ms_per_page: round(median(pdfTimes) / (first.pages ?? 1), 2),
    pdf_peak_rss_delta_mb: round(pdfPeak / MB, 1),
    txt_peak_rss_delta_mb: round(txtPeak / MB, 1),
  };
}
