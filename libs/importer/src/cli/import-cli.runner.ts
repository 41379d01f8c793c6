import { readFile } from 'fs/promises';
import { importFeedbackDocument } from '../import-feedback-document';
import { ImportError } from '../model/import-error';

export interface CliOutcome {
  /** exactly one JSON document */
  stdout: string;
  stderr: string;
  exitCode: 0 | 2;
}

export const USAGE = [
  '用法 / usage: import [--json] FILE',
  '',
  '  解析绩效评价文件（反馈表、评价报告、自评、审计整改报告、函），在标准输出打印一个 JSON 对象。',
  '  Parses an evaluation document and prints one JSON object on stdout:',
  '    { kind, resultsTableRows, evaluation, findings, recommendations, warnings }   exit 0',
  '    (findings/recommendations carry span {start,end} and confidence {score,reasons})',
  '    { "error": { "code", "message" } }                              exit 2 (unreadable input)',
  '',
  '  --json   output JSON (the default and only format)',
  '  --help   show this help on stderr',
].join('\n');

/**
 * The CLI as a pure function of its arguments, so it can be tested without a process and the
 * entry file stays a thin shell. Stdout carries one JSON value and nothing else, ever.
 */
export async function runImportCli(args: string[]): Promise<CliOutcome> {
  if (args.includes('--help') || args.includes('-h'))
    return { stdout: '', stderr: `${USAGE}\n`, exitCode: 0 };
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--json');
  const files = args.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || files.length !== 1) {
    const reason =
      unknown.length > 0
        ? `未知参数 ${unknown.join(' ')} (unknown option)`
        : '需要且只需要一个文件参数 (exactly one FILE is required)';
    return { stdout: errorJson('USAGE', reason), stderr: `${USAGE}\n`, exitCode: 2 };
  }
  const file = files[0];
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return failure('READ_FAILED', `无法读取文件 ${file}（${code}）(cannot read file)`);
  }
  try {
    const { result } = await importFeedbackDocument(content, { filename: file });
    const { kind, resultsTableRows, evaluation, findings, recommendations, warnings } = result;
    return {
      stdout: `${JSON.stringify({ kind, resultsTableRows, evaluation, findings, recommendations, warnings }, null, 2)}\n`,
      stderr: '',
      exitCode: 0,
    };
  } catch (error) {
    if (error instanceof ImportError) return failure(error.code, error.message);
    const detail = error instanceof Error ? error.message : String(error);
    return failure('READ_FAILED', `读取失败：${detail} (unexpected error)`);
  }
}

function failure(code: string, message: string): CliOutcome {
  return { stdout: errorJson(code, message), stderr: '', exitCode: 2 };
}

function errorJson(code: string, message: string): string {
  return `${JSON.stringify({ error: { code, message } }, null, 2)}\n`;
}
