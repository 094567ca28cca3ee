// The audit administrator's endpoints: verify the chains, read the log page by page (newest first, a seq
// cursor), export the same query as a file.
import { api } from './client';
import type { ExportLink } from './exports';
import type { AuditEntry, AuditFilter, AuditReport } from './types';

export async function verifyAudit(): Promise<AuditReport> {
  return (await api<AuditReport>('/api/audit/verify')).data;
}

function query(filter: AuditFilter, extra: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  return q.toString();
}

export async function searchAudit(filter: AuditFilter, page: { limit: number; before?: number }): Promise<{ items: AuditEntry[]; nextBefore: number | null }> {
  return (await api<{ items: AuditEntry[]; nextBefore: number | null }>(`/api/audit/events?${query(filter, page)}`)).data;
}

export const AUDIT_EXPORT_FORMATS = [
  { format: 'xlsx', label: 'Excel（.xlsx）' },
  { format: 'csv', label: 'CSV' },
  { format: 'jsonl', label: 'JSON Lines' },
] as const;

export function auditExportLink(filter: AuditFilter, format: (typeof AUDIT_EXPORT_FORMATS)[number]['format']): ExportLink {
  return { label: format, href: `/api/audit/export?${query(filter, { format })}` };
}
