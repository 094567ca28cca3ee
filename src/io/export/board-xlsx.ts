// The roster board (进度) as an Excel sheet: one header row (frozen, filtered), one row per department (per table of a 项目支出 task),
// in the order the board shows. Dates as text (YYYY-MM-DD, as the notice prints them), counts and
// scores as numbers, 逾期 rows marked in red.
import ExcelJS from 'exceljs';
import { BOARD_COLUMNS, type BoardRowFigures } from '../../core/bureau/board-columns';
import { BUREAU_UTC_OFFSET_MINUTES } from '../../core/bureau/deadline';

type Column = { header: string; key: keyof BoardRowFigures | 'copy' | 'projectName'; width: number };
/** a 项目支出 task's board has a line per table: its 项目名称 after the department */
const PROJECT: Column = { header: BOARD_COLUMNS.projectName.label, key: 'projectName', width: 30 };
const COLUMNS: Column[] = [
  { header: BOARD_COLUMNS.budgetCode.label, key: 'budgetCode', width: 12 },
  { header: BOARD_COLUMNS.departmentName.label, key: 'departmentName', width: 28 },
  { header: BOARD_COLUMNS.sectionName.label, key: 'sectionName', width: 14 },
  { header: BOARD_COLUMNS.state.label, key: 'stateLabel', width: 12 },
  { header: BOARD_COLUMNS.due.label, key: 'due', width: 12 },
  { header: BOARD_COLUMNS.daysLeft.label, key: 'daysLeftText', width: 12 },
  { header: BOARD_COLUMNS.extendedDue.label, key: 'extendedDue', width: 12 },
  { header: BOARD_COLUMNS.extensionReason.label, key: 'extensionReason', width: 24 },
  { header: BOARD_COLUMNS.lastActivity.label, key: 'lastActivity', width: 18 },
  { header: BOARD_COLUMNS.selfScore.label, key: 'selfScore', width: 10 },
  { header: BOARD_COLUMNS.reviewScore.label, key: 'reviewScore', width: 10 },
  { header: BOARD_COLUMNS.errors.label, key: 'errors', width: 8 },
  { header: BOARD_COLUMNS.waivers.label, key: 'waivers', width: 8 },
  { header: BOARD_COLUMNS.openRectifications.label, key: 'openRectifications', width: 11 },
  { header: BOARD_COLUMNS.sampled.label, key: 'sampled', width: 8 },
  { header: BOARD_COLUMNS.copy.label, key: 'copy', width: 16 },
];

/** 2026-06-18T03:04:00Z → 2026-06-18 11:04 (the bureau's clock). */
function local(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + BUREAU_UTC_OFFSET_MINUTES * 60_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

export async function boardWorkbook(title: string, rows: ReadonlyArray<BoardRowFigures & { projectName?: string | null }>, o: { projects?: boolean } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jixiao 绩效自评';
  const ws = wb.addWorksheet('进度', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = o.projects ? [...COLUMNS.slice(0, 2), PROJECT, ...COLUMNS.slice(2)] : COLUMNS;
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow({
      ...r,
      sectionName: r.sectionName ?? '',
      projectName: r.projectName ?? '',
      due: r.due ?? '',
      extendedDue: r.extendedDue ?? '',
      extensionReason: r.extensionReason ?? '',
      lastActivity: local(r.lastActivity),
      sampled: r.sampled ? '是' : '',
      copy: [r.wrongDepartment ? '封面为其他单位' : '', r.copyFlags ? `${r.copyFlags} 处雷同` : ''].filter(Boolean).join('，'),
    });
    if (r.late) row.getCell('daysLeftText').font = { color: { argb: 'FFCF1322' }, bold: true };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  ws.headerFooter.oddHeader = title;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
