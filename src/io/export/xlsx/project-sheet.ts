// The 项目支出绩效自评表 as one worksheet in its printed layout: the shared project grid with its merged
// cells, amounts as numbers shown with their written decimals (so the sheet imports back unchanged).
import type { Workbook } from 'exceljs';
import type { FormDescriptor } from '../../../core/forms/index';
import type { Report } from '../../../core/model/report';
import { PROJECT_COLUMNS, projectGrid } from '../project-grid';
import { BORDER, FONT, FONT_BOLD, printSetup, setAmount, setWidths, wanFormat } from './format';

const AMOUNT = /^project\.funds\./;
const SCORE = /\.(weight|score)$|^project\.execution(Weight|Score)$|^performance\.selfScore$/;

export function writeProjectSheet(wb: Workbook, form: FormDescriptor, report: Report): void {
  const g = projectGrid(report, form);
  const ws = wb.addWorksheet(form.workbook.fieldSheet.name);
  setWidths(ws, g.widths.map((w) => Math.round(w * 1.1)));
  const title = g.title.join('');
  ws.mergeCells(1, 1, 1, PROJECT_COLUMNS);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { ...FONT_BOLD, size: 16 };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  // occupied[r][c]: a cell of an earlier row's row span
  const taken = new Set<string>();
  g.rows.forEach((cells, n) => {
    const r = n + 2;
    let c = 1;
    for (const cell of cells) {
      if (cell.rowSpan === 0) continue;
      while (taken.has(`${r}:${c}`)) c++;
      const cs = cell.colSpan ?? 1;
      const rs = cell.rowSpan ?? 1;
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) taken.add(`${r + i}:${c + j}`);
      if (cs > 1 || rs > 1) ws.mergeCells(r, c, r + rs - 1, c + cs - 1);
      const x = ws.getCell(r, c);
      if (cell.path && AMOUNT.test(cell.path)) setAmount(x, cell.text || null, wanFormat(2));
      else if (cell.path && SCORE.test(cell.path) && cell.text !== '' && Number.isFinite(Number(cell.text))) x.value = Number(cell.text);
      else x.value = cell.text;
      x.font = FONT;
      x.alignment = { horizontal: cell.align ?? 'center', vertical: 'middle', wrapText: true };
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) ws.getCell(r + i, c + j).border = BORDER;
      c += cs;
    }
    const longest = Math.max(...cells.map((x) => x.text.length / Math.max(1, (x.colSpan ?? 1) * 6)));
    ws.getRow(r).height = Math.min(180, Math.max(20, Math.ceil(longest) * 15));
  });
  printSetup(ws, { landscape: false, title });
  ws.pageSetup.printTitlesRow = undefined;
}
