import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractText, parseFeedbackForm } from '../libs/importer/src';
import { BenchResult, median, round, timeRuns } from './bench-utils';

/**
 * Parser throughput on the real seed and on the seed repeated 50× (a file holding many reports: the parser
 * must find the first one and cut off the rest without scanning quadratically), against a baseline measured in
 * the same run: decoding + normalising the same bytes (extractText), the cost any importer pays before parsing.
 * The ratio shows what parsing adds on top.
 */
export async function run(): Promise<BenchResult> {
  const seed = readFileSync(resolve(__dirname, '../libs/importer/fixtures/seed/000_e9da2ade9415734b.txt'));
  const big = Buffer.from(seed.toString('utf8').repeat(50));
  const results: Record<string, unknown> = {};
  for (const [label, bytes] of [
    ['seed', seed],
    ['seed_x50', big],
  ] as const) {
    const text = (await extractText(bytes)).text;
    const parse = await timeRuns(() => parseFeedbackForm(text), 15, 3);
    const decode = await timeRuns(() => extractText(bytes), 15, 3);
    results[label] = {
      bytes: bytes.length,
      parse_median_ms: round(median(parse)),
      decode_median_ms: round(median(decode)),
      parse_to_decode_ratio: round(median(parse) / median(decode), 2),
      mb_per_s: round(bytes.length / 1e6 / (median(parse) / 1000), 2),
    };
  }
  return {
    name: 'importer-parse',
    description: 'parseFeedbackForm median over 15 runs vs extractText baseline',
    ...results,
  };
}
