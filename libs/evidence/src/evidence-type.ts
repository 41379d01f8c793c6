import { fromBuffer } from 'file-type';
import { cfbEntryNames, isCfb } from '@rectiflow/importer';
import { isZip, zipEntryNames } from '@rectiflow/importer';

/** What the bytes of an upload are, whatever its name says. */
export interface DetectedType {
  /** short name, as in UPLOAD_ALLOWED_TYPES: pdf, ofd, docx, xlsx, doc, xls, jpg, png, zip, … or exe, elf, unknown */
  type: string;
  /** what the file is served as on download */
  mime: string;
  /** for the 415 message */
  label: string;
  /** a program or installer: refused whatever the configuration allows */
  executable: boolean;
}

const TYPES: Record<string, Omit<DetectedType, 'type'>> = {
  pdf: { mime: 'application/pdf', label: 'PDF 文档', executable: false },
  ofd: { mime: 'application/ofd', label: 'OFD 版式文档', executable: false },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word 文档（.docx）',
    executable: false,
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel 表格（.xlsx）',
    executable: false,
  },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'PowerPoint 演示文稿（.pptx）',
    executable: false,
  },
  doc: { mime: 'application/msword', label: 'Word 97-2003 文档（.doc）', executable: false },
  xls: { mime: 'application/vnd.ms-excel', label: 'Excel 97-2003 表格（.xls）', executable: false },
  ppt: {
    mime: 'application/vnd.ms-powerpoint',
    label: 'PowerPoint 97-2003 演示文稿（.ppt）',
    executable: false,
  },
  cfb: {
    mime: 'application/x-cfb',
    label: '非 Word/Excel 的 OLE 复合文件（如 .msi 安装包）',
    executable: false,
  },
  jpg: { mime: 'image/jpeg', label: 'JPEG 图片', executable: false },
  png: { mime: 'image/png', label: 'PNG 图片', executable: false },
  zip: { mime: 'application/zip', label: 'ZIP 压缩包', executable: false },
  exe: { mime: 'application/x-msdownload', label: 'Windows 可执行程序（MZ/PE）', executable: true },
  elf: { mime: 'application/x-executable', label: 'Linux 可执行程序（ELF）', executable: true },
  macho: { mime: 'application/x-mach-binary', label: 'macOS 可执行程序（Mach-O）', executable: true },
  script: { mime: 'text/x-script', label: '脚本程序（#!）', executable: true },
  jar: { mime: 'application/java-archive', label: 'Java 程序包（.jar）', executable: true },
  apk: { mime: 'application/vnd.android.package-archive', label: 'Android 安装包（.apk）', executable: true },
  unknown: { mime: 'application/octet-stream', label: '无法识别的类型', executable: false },
};

const of = (type: keyof typeof TYPES): DetectedType => ({ type, ...TYPES[type] });

/**
 * Decides the type from the content (magic bytes and container structure), never from the name or the
 * client's Content-Type. Executables are recognised first, so a program renamed to `.pdf` is called what it is;
 * ZIP- and OLE2-based formats are told apart by their entries (OFD.xml, word/, xl/, WordDocument, Workbook),
 * which file-type alone does not do for OFD or the 97-2003 formats.
 */
export async function detectEvidenceType(content: Buffer): Promise<DetectedType> {
  const program = executableType(content);
  if (program) return of(program);
  if (isZip(content)) return of(zipType(zipEntryNames(content)));
  if (isCfb(content)) return of(cfbType(cfbEntryNames(content)));
  const found = await fromBuffer(content);
  if (!found) return of('unknown');
  if (found.ext in TYPES) return of(found.ext);
  return {
    type: found.ext,
    mime: found.mime,
    label: `${found.ext} 文件（${found.mime}）`,
    executable: false,
  };
}

function executableType(b: Buffer): 'exe' | 'elf' | 'macho' | 'script' | null {
  if (b.length >= 2 && b[0] === 0x4d && b[1] === 0x5a) return 'exe';
  if (b.length >= 4 && b.readUInt32BE(0) === 0x7f454c46) return 'elf';
  if (
    b.length >= 4 &&
    [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(b.readUInt32BE(0))
  )
    return 'macho';
  if (b.length >= 2 && b[0] === 0x23 && b[1] === 0x21) return 'script';
  return null;
}

function zipType(names: string[]): keyof typeof TYPES {
  const has = (test: (n: string) => boolean) => names.some(test);
  if (has((n) => n.toLowerCase() === 'ofd.xml')) return 'ofd';
  if (has((n) => n === 'AndroidManifest.xml' || n === 'classes.dex')) return 'apk';
  if (has((n) => n === 'META-INF/MANIFEST.MF' || n.endsWith('.class'))) return 'jar';
  if (has((n) => n === '[Content_Types].xml')) {
    if (has((n) => n.startsWith('word/'))) return 'docx';
    if (has((n) => n.startsWith('xl/'))) return 'xlsx';
    if (has((n) => n.startsWith('ppt/'))) return 'pptx';
  }
  return 'zip';
}

function cfbType(names: string[]): keyof typeof TYPES {
  if (names.includes('WordDocument')) return 'doc';
  if (names.includes('Workbook') || names.includes('Book')) return 'xls';
  if (names.includes('PowerPoint Document')) return 'ppt';
  return 'cfb';
}
