// 五、评价报告综述（文字部分）: the narrative in one bordered box, as the template has it. Headings as written
// in 黑体, GB/T 9704 second-level headings （一）… in 楷体_GB2312, body in 仿宋_GB2312 with a 2-character indent.
import type { Paragraph, Table } from 'docx';
import type { SectionDef } from '../../../core/forms/index';
import type { Report } from '../../../core/model/report';
import { cleanText } from '../xlsx/columns';
import { para, S } from './style';
import { formTable, grid } from './table';

const SUBHEADING = /^[（(][一二三四五六七八九十\d]+[）)]/;

function lineParagraph(line: string): Paragraph {
  return para(line, SUBHEADING.test(line.trim()) ? S.narrativeSubheading : S.narrativeBody);
}

export function narrativeParagraphs(section: SectionDef, report: Report): Paragraph[] {
  const out = [para(section.label, S.narrativeTitle)];
  for (const section of report.narrative) {
    if (section.heading) out.push(para(section.heading, S.narrativeHeading));
    // one push per line: spreading a long text's lines as arguments overflows the call stack (RangeError)
    if (section.text) for (const line of cleanText(section.text).split('\n')) out.push(lineParagraph(line));
  }
  // an empty report still gets room to write in
  if (report.narrative.length === 0) for (let i = 0; i < 8; i++) out.push(para('', S.narrativeBody));
  return out;
}

export function narrativeTable(section: SectionDef, report: Report): Table {
  return formTable(grid([1]), [{ cells: [{ content: narrativeParagraphs(section, report), valign: 'top' }] }]);
}
