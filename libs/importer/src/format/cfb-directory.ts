const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_CHAIN = 0xfffffffe;
const MAX_SECTORS = 1 << 20;
const MAX_ENTRIES = 4096;

/** The OLE2 Compound File signature shared by .doc, .xls, .ppt — and by .msi installers. */
export function isCfb(content: Buffer): boolean {
  return content.length >= 512 && content.subarray(0, 8).equals(SIGNATURE);
}

/**
 * Names of the storages and streams in an OLE2 Compound File (MS-CFB), read by following the directory chain
 * through the FAT. Word keeps its text in a `WordDocument` stream, Excel in `Workbook`/`Book`; an MSI has neither.
 * Searching the bytes for those names would accept an installer that merely contains the string, so this
 * reads the directory itself. Returns [] when the structure is broken.
 */
export function cfbEntryNames(buf: Buffer): string[] {
  if (!isCfb(buf)) return [];
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return [];
  const size = 1 << shift;
  const sector = (id: number): Buffer | null => {
    const start = (id + 1) * size;
    return id < MAX_SECTORS && start + size <= buf.length ? buf.subarray(start, start + size) : null;
  };

  const fatSectorIds: number[] = [];
  for (let i = 0; i < 109; i++) fatSectorIds.push(buf.readUInt32LE(0x4c + i * 4));
  let difat = buf.readUInt32LE(0x44);
  for (let hops = 0; difat < END_OF_CHAIN && hops < 1024; hops++) {
    const s = sector(difat);
    if (!s) return [];
    for (let i = 0; i < size / 4 - 1; i++) fatSectorIds.push(s.readUInt32LE(i * 4));
    difat = s.readUInt32LE(size - 4);
  }
  const fat: number[] = [];
  for (const id of fatSectorIds) {
    if (id >= END_OF_CHAIN - 2) continue; // FREESECT / ENDOFCHAIN / FATSECT markers
    const s = sector(id);
    if (!s) return [];
    for (let i = 0; i < size / 4; i++) fat.push(s.readUInt32LE(i * 4));
  }

  const names: string[] = [];
  const seen = new Set<number>();
  for (
    let id = buf.readUInt32LE(0x30);
    id < END_OF_CHAIN && !seen.has(id) && names.length < MAX_ENTRIES;
    id = fat[id] ?? END_OF_CHAIN
  ) {
    seen.add(id);
    const s = sector(id);
    if (!s) return names;
    for (let e = 0; e + 128 <= size; e += 128) {
      const kind = s[e + 0x42];
      const length = s.readUInt16LE(e + 0x40);
      if ((kind === 1 || kind === 2 || kind === 5) && length >= 2 && length <= 64)
        names.push(s.toString('utf16le', e, e + length - 2));
    }
  }
  return names;
}
