// A section of labelled fields (一、部门（单位）基本概况) as one bordered table: short fields two to a row
// (label | value | label | value), long texts and lists across the row, with the form's printed labels
// (line breaks included, "年度主要\n工作内容") so the importer meets the same text.
import type { Table } from 'docx';
import { type FieldDef, field, type FormDescriptor, type SectionDef } from '../../../core/forms/index';
import type { Report } from '../../../core/model/report';
import { getAt } from '../../../core/paths';
import { listParas, S } from './style';
import { type CellSpec, formTable, grid, type RowSpec, titleRow } from './table';

const COLUMNS = grid([22, 28, 22, 28]);
// the room a long text's box leaves when the form does not say
const LONG_HEIGHT = 60;

const label = (text: string): CellSpec => ({ content: text, style: S.formLabel });

function text(report: Report, f: FieldDef): string {
  const v = getAt(report, f.path);
  return v == null ? '' : String(v);
}

export function fieldsTable(form: FormDescriptor, section: SectionDef, report: Report): Table {
  const rows: RowSpec[] = [titleRow(section.label, 4)];
  let pending: CellSpec[] | null = null;
  for (const path of section.fields) {
    const f = field(form, path);
    const name = label(f.print ?? f.label);
    if (f.type === 'list' || f.type === 'longText') {
      if (pending) rows.push({ cells: pending, minHeightPt: 24, cantSplit: true });
      pending = null;
      // list items stay one per paragraph: the importer splits them back by line
      const value: CellSpec =
        f.type === 'list'
          ? { content: listParas(((getAt(report, f.path) as string[] | undefined) ?? []).join('\n'), S.formList), colSpan: 3 }
          : { content: text(report, f), colSpan: 3, style: S.formText };
      rows.push({ cells: [name, value], minHeightPt: f.height ?? LONG_HEIGHT });
      continue;
    }
    const value: CellSpec = { content: text(report, f), style: S.formLabel };
    if (pending) {
      rows.push({ cells: [...pending, name, value], minHeightPt: 24, cantSplit: true });
      pending = null;
    } else pending = [name, value];
  }
  if (pending) rows.push({ cells: pending, minHeightPt: 24, cantSplit: true });
  return formTable(COLUMNS, rows);
}
