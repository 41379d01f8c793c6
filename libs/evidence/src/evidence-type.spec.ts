import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import {
  elfBinary,
  minimalCfb,
  minimalPdf,
  ofdZip,
  storedZip,
  windowsExe,
} from '../../../test/evidence/evidence-fixtures';
import { cfbEntryNames } from '@rectiflow/importer';
import { detectEvidenceType } from './evidence-type';
import { zipEntryNames } from '@rectiflow/importer';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb', 'hex');

describe('detectEvidenceType', () => {
  it.each([
    ['pdf', minimalPdf('x'), 'application/pdf'],
    ['png', PNG, 'image/png'],
    ['jpg', JPEG, 'image/jpeg'],
    ['ofd', ofdZip(), 'application/ofd'],
    ['zip', storedZip({ 'a.txt': 'hello', '整改报告/说明.txt': '中文' }), 'application/zip'],
    ['doc', minimalCfb(['WordDocument', '1Table']), 'application/msword'],
    ['xls', minimalCfb(['Workbook']), 'application/vnd.ms-excel'],
  ])('recognises %s by its bytes', async (type, bytes, mime) => {
    expect(await detectEvidenceType(bytes)).toMatchObject({ type, mime, executable: false });
  });

  it('recognises real DOCX and XLSX files written by docx and exceljs', async () => {
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('整改报告')] }] }),
    );
    expect((await detectEvidenceType(docx)).type).toBe('docx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').addRow(['序号']);
    expect((await detectEvidenceType(Buffer.from(await wb.xlsx.writeBuffer()))).type).toBe('xlsx');
  });

  it('calls programs what they are, whatever they are named', async () => {
    expect(await detectEvidenceType(windowsExe())).toMatchObject({ type: 'exe', executable: true });
    expect(await detectEvidenceType(elfBinary())).toMatchObject({ type: 'elf', executable: true });
    expect(await detectEvidenceType(Buffer.from('#!/bin/sh\nrm -rf /\n'))).toMatchObject({
      type: 'script',
      executable: true,
    });
    expect(
      await detectEvidenceType(storedZip({ 'META-INF/MANIFEST.MF': 'Main-Class: X', 'X.class': '' })),
    ).toMatchObject({ type: 'jar', executable: true });
  });

  it('does not take an OLE2 file without Word/Excel streams (an MSI) for a .doc', async () => {
    expect((await detectEvidenceType(minimalCfb(['\u4840\u3b3f\u4577']))).type).toBe('cfb');
  });

  it('answers unknown for plain text and noise', async () => {
    expect((await detectEvidenceType(Buffer.from('just some text'))).type).toBe('unknown');
    expect((await detectEvidenceType(Buffer.alloc(0))).type).toBe('unknown');
  });
});

describe('container readers', () => {
  it('lists ZIP entries from the central directory, and from local headers when it is missing', () => {
    const zip = storedZip({ '[Content_Types].xml': '<x/>', 'word/document.xml': '<w/>' });
    expect(zipEntryNames(zip)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    const truncated = zip.subarray(0, zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    expect(zipEntryNames(truncated)).toEqual(['[Content_Types].xml', 'word/document.xml']);
  });

  it('lists OLE2 directory entries through the FAT and survives garbage', () => {
    expect(cfbEntryNames(minimalCfb(['WordDocument']))).toEqual(['Root Entry', 'WordDocument']);
    const broken = minimalCfb(['WordDocument']);
    broken.writeUInt32LE(999, 0x30);
    expect(cfbEntryNames(broken)).toEqual([]);
  });
});
