import { inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 20_000;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; anything else cannot be checked */
  method: number;
  compressedSize: number;
  /** as declared: a bomb may lie, so `checkZipBudget` inflates to measure */
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** True for the two ways a ZIP archive can begin (a local file header, or the end record of an empty one). */
export function isZip(content: Buffer): boolean {
  return content.length >= 4 && (content.readUInt32LE(0) === LOCAL || content.readUInt32LE(0) === EOCD);
}

/**
 * Entry names of a ZIP archive, read from the central directory at the end — the index readers trust — rather
 * than by guessing from the first local headers (a DOCX writer may put word/ anywhere). Falls back to walking the
 * local headers when the end record is missing (truncated file, ZIP64). Never decompresses anything.
 */
export function zipEntryNames(content: Buffer): string[] {
  return (centralDirectory(content) ?? localHeaders(content)).map((e) => e.name);
}

/** The central directory's entries; null when there is no usable end record (truncated, ZIP64). */
export function centralDirectory(buf: Buffer, maxEntries = MAX_ENTRIES): ZipEntry[] | null {
  if (buf.length < 22) return null;
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  for (let p = buf.length - 22; p >= floor; p--) {
    if (buf.readUInt32LE(p) !== EOCD) continue;
    const count = buf.readUInt16LE(p + 10);
    const offset = buf.readUInt32LE(p + 16);
    if (count === 0xffff || offset === 0xffffffff || offset >= buf.length) return null;
    const entries: ZipEntry[] = [];
    let at = offset;
    for (let i = 0; i < Math.min(count, maxEntries); i++) {
      if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return null;
      const nameLength = buf.readUInt16LE(at + 28);
      const extraLength = buf.readUInt16LE(at + 30);
      const commentLength = buf.readUInt16LE(at + 32);
      entries.push({
        name: buf.toString('utf8', at + 46, Math.min(buf.length, at + 46 + nameLength)),
        method: buf.readUInt16LE(at + 10),
        compressedSize: buf.readUInt32LE(at + 20),
        uncompressedSize: buf.readUInt32LE(at + 24),
        localHeaderOffset: buf.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  }
  return null;
}

function localHeaders(buf: Buffer): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  while (entries.length < MAX_ENTRIES && at + 30 <= buf.length && buf.readUInt32LE(at) === LOCAL) {
    const flags = buf.readUInt16LE(at + 6);
    const compressedSize = buf.readUInt32LE(at + 18);
    const nameLength = buf.readUInt16LE(at + 26);
    const extraLength = buf.readUInt16LE(at + 28);
    entries.push({
      name: buf.toString('utf8', at + 30, Math.min(buf.length, at + 30 + nameLength)),
      method: buf.readUInt16LE(at + 8),
      compressedSize,
      uncompressedSize: buf.readUInt32LE(at + 22),
      localHeaderOffset: at,
    });
    // With a data descriptor (bit 3) the size is only known after the data: the walk cannot continue.
    if (flags & 0x08) break;
    at += 30 + nameLength + extraLength + compressedSize;
  }
  return entries;
}

export interface ZipBudget {
  /** total bytes all entries may inflate to */
  maxTotalBytes: number;
  maxEntries: number;
}

export type ZipBudgetVerdict =
  | { ok: true; entries: number; totalBytes: number }
  | { ok: false; reason: 'ENTRIES' | 'SIZE' | 'UNREADABLE'; entries: number; detail: string };

const MB = 1024 * 1024;
const fmt = (n: number): string => `${(n / MB).toFixed(n < MB ? 2 : 0)} MB`;

/**
 * Decides whether a ZIP (docx, xlsx, pptx, ofd, zip) is safe to open, before any reader touches it: at most
 * `maxEntries` entries, and all entries together inflating to at most `maxTotalBytes`. Sizes are measured by
 * actually inflating each entry with zlib's `maxOutputLength` set to what is left of the budget — declared sizes
 * in the headers are the attacker's to choose, while this never holds more than the budget in memory and stops
 * at the first byte past it (a 120 MB document.xml in a 120 KB file is refused after inflating the budget, not
 * 120 MB). Entries of a method other than stored/deflate, or ZIP64 archives, cannot be measured and are refused.
 */
export function checkZipBudget(buf: Buffer, budget: ZipBudget): ZipBudgetVerdict {
  const all = centralDirectory(buf, budget.maxEntries + 1);
  if (all === null)
    return {
      ok: false,
      reason: 'UNREADABLE',
      entries: 0,
      detail: '压缩包目录缺失或为 ZIP64 格式，无法核验解压大小',
    };
  if (all.length > budget.maxEntries)
    return {
      ok: false,
      reason: 'ENTRIES',
      entries: all.length,
      detail: `包含的文件数超过上限 ${budget.maxEntries} 个`,
    };
  let total = 0;
  for (const entry of all) {
    const left = budget.maxTotalBytes - total;
    const size = inflatedSize(buf, entry, left);
    if (size === 'unreadable')
      return {
        ok: false,
        reason: 'UNREADABLE',
        entries: all.length,
        detail: `无法核验「${entry.name}」的解压大小`,
      };
    if (size === 'over' || size > left)
      return {
        ok: false,
        reason: 'SIZE',
        entries: all.length,
        detail: `解压后超过上限 ${fmt(budget.maxTotalBytes)}（「${entry.name}」处超出）`,
      };
    total += size;
  }
  return { ok: true, entries: all.length, totalBytes: total };
}

function inflatedSize(buf: Buffer, entry: ZipEntry, left: number): number | 'over' | 'unreadable' {
  const at = entry.localHeaderOffset;
  if (entry.compressedSize === 0xffffffff || at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL)
    return 'unreadable';
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) return 'unreadable';
  if (entry.method === 0) return entry.compressedSize;
  if (entry.method !== 8) return 'unreadable';
  if (entry.compressedSize === 0) return 0;
  try {
    return inflateRawSync(buf.subarray(start, end), { maxOutputLength: Math.max(1, left + 1) }).length;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return 'over';
    return 'unreadable';
  }
}
