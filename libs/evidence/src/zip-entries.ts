const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 20_000;

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
  return centralDirectoryNames(content) ?? localHeaderNames(content);
}

function centralDirectoryNames(buf: Buffer): string[] | null {
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  for (let p = buf.length - 22; p >= floor; p--) {
    if (buf.readUInt32LE(p) !== EOCD) continue;
    const count = buf.readUInt16LE(p + 10);
    const offset = buf.readUInt32LE(p + 16);
    if (count === 0xffff || offset === 0xffffffff || offset >= buf.length) return null;
    const names: string[] = [];
    let at = offset;
    for (let i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
      if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return null;
      const nameLength = buf.readUInt16LE(at + 28);
      const extraLength = buf.readUInt16LE(at + 30);
      const commentLength = buf.readUInt16LE(at + 32);
      names.push(buf.toString('utf8', at + 46, Math.min(buf.length, at + 46 + nameLength)));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return null;
}

function localHeaderNames(buf: Buffer): string[] {
  const names: string[] = [];
  let at = 0;
  while (names.length < MAX_ENTRIES && at + 30 <= buf.length && buf.readUInt32LE(at) === LOCAL) {
    const flags = buf.readUInt16LE(at + 6);
    const compressedSize = buf.readUInt32LE(at + 18);
    const nameLength = buf.readUInt16LE(at + 26);
    const extraLength = buf.readUInt16LE(at + 28);
    names.push(buf.toString('utf8', at + 30, Math.min(buf.length, at + 30 + nameLength)));
    // With a data descriptor (bit 3) the size is only known after the data: the walk cannot continue.
    if (flags & 0x08) break;
    at += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}
