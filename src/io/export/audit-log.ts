// The audit log as a file for the audit administrator: CSV (UTF-8 with BOM, formula-safe) or an Excel
// sheet, the same columns in the same order, named once here.
import ExcelJS from 'exceljs';
import { toCsv } from './opendata';

/** One audit entry as the viewer and the files show it (server/use-cases/search-audit.ts builds it). */
export interface AuditEntry {
  seq: number;
  chain: string;
  chainSeq: number | null;
  ts: string;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  ip: string | null;
  event: string;
  eventLabel: string;
  objectType: string | null;
  objectId: string | null;
  objectLabel: string | null;
  version: number | null;
  outcome: 'success' | 'failure';
  detail: unknown;
  hash: string;
}

const OUTCOME_LABEL = { success: '成功', failure: '失败' } as const;

const COLUMNS: ReadonlyArray<{ header: string; width: number; value: (e: AuditEntry) => string | number | null }> = [
  { header: '序号', width: 8, value: (e) => e.seq },
  { header: '链', width: 10, value: (e) => e.chain },
  { header: '链内序号', width: 9, value: (e) => e.chainSeq },
  { header: '时间（UTC）', width: 22, value: (e) => e.ts },
  { header: '用户', width: 14, value: (e) => e.actorUsername },
  { header: '角色', width: 12, value: (e) => e.actorRole },
  { header: '地址', width: 14, value: (e) => e.ip },
  { header: '事件', width: 20, value: (e) => e.event },
  { header: '事件名称', width: 16, value: (e) => e.eventLabel },
  { header: '对象类型', width: 12, value: (e) => e.objectType },
  { header: '对象', width: 38, value: (e) => e.objectId },
  { header: '对象名称', width: 28, value: (e) => e.objectLabel },
  { header: '版本', width: 6, value: (e) => e.version },
  { header: '结果', width: 6, value: (e) => OUTCOME_LABEL[e.outcome] },
  { header: '详情', width: 60, value: (e) => (typeof e.detail === 'string' ? e.detail : JSON.stringify(e.detail)) },
  { header: '哈希', width: 20, value: (e) => e.hash },
];

export function auditCsv(entries: readonly AuditEntry[]): string {
  return toCsv([COLUMNS.map((c) => c.header), ...entries.map((e) => COLUMNS.map((c) => c.value(e)))]);
}

export async function auditWorkbook(entries: readonly AuditEntry[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jixiao 绩效自评';
  const ws = wb.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  // cells are values, never formulas: a detail that starts with "=" stays text
  for (const e of entries) ws.addRow(COLUMNS.map((c) => c.value(e) ?? ''));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
