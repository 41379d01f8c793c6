import type { Readable, Writable } from 'node:stream';

/** How much compressed output may wait for a slow client before we stop reading more rows. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * Backpressure for the streaming workbook. exceljs' WorkbookWriter pipes its zip (archiver) into `out`, but
 * committed rows are pushed into the archiver regardless of how fast `out` drains, so with a slow client the
 * compressed output piles up inside the archiver. Between batches we wait until that pile is small and `out`
 * can take more — then memory stays at about one batch however slow the download. `zip` is exceljs' archiver
 * (WorkbookWriter#zip, not in its typings); without it only `out` is watched. Resolves early when `out` closes.
 */
export async function waitForOutput(
  zip: Readable | undefined,
  out: Writable,
  isClosed: () => boolean,
): Promise<void> {
  const buffered = (): number => zip?.readableLength ?? 0;
  while (!isClosed() && (out.writableNeedDrain || buffered() > MAX_BUFFERED_BYTES)) {
    if (out.writableNeedDrain) await drainOrClose(out);
    else await new Promise((resolve) => setImmediate(resolve));
  }
}

function drainOrClose(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.once('drain', done);
    out.once('close', done);
  });
}
