// Test helper: minimal but complete DOCX/XLSX packages around hand-written XML, for producer variants
// (WPS, LibreOffice, odd prefixes) that the docx/exceljs libraries do not write.
import { writeZip, type RawEntry } from './zip-writer';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

/** A document.xml around body content written with the usual w: prefix. */
export function documentXml(body: string, extraNs = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:r="${R}" ${extraNs}><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

export function docxPackage(documentXmlText: string | Uint8Array, opts: { mainPart?: string; extra?: RawEntry[] } = {}): Uint8Array {
  const main = opts.mainPart ?? 'word/document.xml';
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${OFFICE_DOC}" Target="${main}"/></Relationships>`,
    },
    { name: main, data: documentXmlText },
    ...(opts.extra ?? []),
  ]);
}

/** An XLSX with the given sheet XML bodies (the <sheetData>… inside <worksheet>) and shared strings. */
export function xlsxPackage(sheets: Array<{ name: string; xml: string }>, sharedStrings?: string): Uint8Array {
  const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const entries: RawEntry[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    },
    { name: '_rels/.rels', data: `<?xml version="1.0"?><Relationships xmlns="${PKG_RELS}">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>` },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns="${S}" xmlns:r="${R}"><sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="${PKG_RELS}">${sheets
        .map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`))
        .join('')}${sharedStrings === undefined ? '' : rel('rIdS', 'sharedStrings', 'sharedStrings.xml')}</Relationships>`,
    },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: `<?xml version="1.0"?><worksheet xmlns="${S}" xmlns:r="${R}">${s.xml}</worksheet>`,
    })),
  ];
  if (sharedStrings !== undefined) entries.push({ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0"?><sst xmlns="${S}">${sharedStrings}</sst>` });
  return writeZip(entries);
}
