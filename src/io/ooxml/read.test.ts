import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readOoxml, sniffFormat } from './read';
import { docxPackage, documentXml } from './testing/packages';
import { randomBytes } from './testing/hostile';

const enc = new TextEncoder();
const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code: string }) => e.code);

describe('sniffFormat', () => {
  it('tells formats by their first bytes', () => {
    expect(sniffFormat(docxPackage(documentXml('')))).toBe('zip');
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 5, 6, ...new Uint8Array(18)]))).toBe('zip');
    expect(sniffFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('ole');
    expect(sniffFormat(enc.encode('%PDF-1.4\n'))).toBe('pdf');
    expect(sniffFormat(enc.encode('\n\n%PDF-1.4\n'))).toBe('pdf');
    expect(sniffFormat(enc.encode('一、部门（单位）基本概况\n联系人\t王焱\n'))).toBe('text');
    // GBK-encoded Chinese is not UTF-8 but is still text.
    expect(sniffFormat(new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xb2, 0xbf, 0xc3, 0xc5, 0x0d, 0x0a]))).toBe('text');
    expect(sniffFormat(new Uint8Array([0xff, 0xfe, 0x00, 0x4e]))).toBe('text');
    expect(sniffFormat(randomBytes(4096))).toBe('binary');
    expect(sniffFormat(new Uint8Array())).toBe('binary');
  });
});

describe('readOoxml dispatch', () => {
  it('decides by content, not by name, and refuses other packages with what to do', async () => {
    const docx = docxPackage(documentXml('<w:p><w:r><w:t>正文</w:t></w:r></w:p>'));
    expect((await readOoxml(docx, 'report.xlsx', { inProcess: true })).format).toBe('docx');
    const odt = zipSync({ mimetype: enc.encode('application/vnd.oasis.opendocument.text'), 'content.xml': enc.encode('<a/>') });
    expect(await codeOf(readOoxml(odt, 'a.odt', { inProcess: true }))).toBe('FORMAT.ODF');
    const pptx = zipSync({ '[Content_Types].xml': enc.encode('<Types/>'), 'ppt/presentation.xml': enc.encode('<p/>') });
    expect(await codeOf(readOoxml(pptx, 'a.pptx', { inProcess: true }))).toBe('FORMAT.PPTX');
    const noMain = zipSync({ '[Content_Types].xml': enc.encode('<Types/>') });
    expect(await codeOf(readOoxml(noMain, 'a.docx', { inProcess: true }))).toBe('OOXML.MISSING_PART');
    expect(await codeOf(readOoxml(enc.encode('联系人 王焱'), 'a.docx', { inProcess: true }))).toBe('FORMAT.TEXT');
  });

  it('gives the legacy-format message the brief asks for, naming the file safely', async () => {
    const doc = new Uint8Array(2048);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    // as on a machine without LibreOffice (legacy.test.ts converts real ones where it is installed)
    await expect(readOoxml(doc, 'C:\\报送\\旧报告\u202e.doc', { legacy: { soffice: null } })).rejects.toMatchObject({
      code: 'FORMAT.LEGACY_DOC',
      message:
        '文件「旧报告.doc」：这是旧版 Word 97-2003 .doc 文件，Jixiao 无法直接读取。请在 Word 或 WPS 中打开后「另存为」.docx 格式再导入。',
    });
  });

  it('refuses a file over the size cap before opening it, and rejects nonsense limits loudly', async () => {
    const docx = docxPackage(documentXml('<w:p/>'));
    expect(await codeOf(readOoxml(docx, 'a.docx', { inProcess: true, limits: { maxCompressedBytes: 100 } }))).toBe('OOXML.ZIP_TOO_LARGE');
    await expect(readOoxml(docx, 'a.docx', { limits: { maxEntries: 0 } })).rejects.toThrow(TypeError);
  });
});
