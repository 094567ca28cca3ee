// Report endpoints: list, create, import, read, save (If-Match), transitions, signatures, history.
import type { Report, ReportKind } from '../../../src/core/model/report';
import type { SignatureRole, Waiver, WorkflowAction } from '../../../src/core/workflow/index';
import type { z } from 'zod';
import type * as Http from '../../../src/server/http/schemas';
import { api, newIdempotencyKey } from './client';
import type { DiffResult, ListItem, ReportView, SaveResult, Signature, TransitionResult, VersionLine } from './types';

const enc = encodeURIComponent;

export async function listReports(): Promise<ListItem[]> {
  return (await api<{ items: ListItem[] }>('/api/reports')).data.items;
}

export async function createReport(year: number, kind: ReportKind = 'overall'): Promise<ReportView> {
  return (await api<ReportView>('/api/reports', { method: 'POST', body: { year, kind } })).data;
}

export async function importReport(file: File, year?: number): Promise<ReportView> {
  const form = new FormData();
  if (year) form.append('year', String(year));
  form.append('file', file, file.name);
  return (await api<ReportView>('/api/reports/import', { method: 'POST', body: form })).data;
}

export async function getReport(id: string): Promise<ReportView> {
  return (await api<ReportView>(`/api/reports/${enc(id)}`)).data;
}

/** `confirmClear`: the user confirmed a save that empties most of a filled report (else 409 CONFIRMATION_REQUIRED). */
export async function saveReport(id: string, version: number, report: Report, opts: { confirmClear?: boolean } = {}): Promise<SaveResult> {
  const body = opts.confirmClear ? { report, confirmClear: true } : { report };
  return (await api<SaveResult>(`/api/reports/${enc(id)}`, { method: 'PUT', body, headers: { 'If-Match': `"${version}"` } })).data;
}

export interface TransitionInput {
  action: WorkflowAction;
  reason?: string;
  waivers?: Waiver[];
  paths?: string[];
}

/** One user intent = one Idempotency-Key: a retried click never acts twice. */
export async function transition(id: string, version: number, input: TransitionInput, key = newIdempotencyKey()): Promise<TransitionResult> {
  const headers = { 'If-Match': `"${version}"`, 'Idempotency-Key': key };
  return (await api<TransitionResult>(`/api/reports/${enc(id)}/transitions`, { method: 'POST', body: input, headers })).data;
}

export async function listSignatures(id: string): Promise<Signature[]> {
  return (await api<{ items: Signature[] }>(`/api/reports/${enc(id)}/signatures`)).data.items;
}

export async function sign(id: string, role: SignatureRole, opinion?: string): Promise<Signature> {
  return (await api<Signature>(`/api/reports/${enc(id)}/signatures`, { method: 'POST', body: { role, ...(opinion ? { opinion } : {}) } })).data;
}

/** The history's lines, oldest first: one per editing session (its earlier autosaves folded in), one per other step. */
export async function listVersions(id: string): Promise<VersionLine[]> {
  return (await api<{ items: VersionLine[] }>(`/api/reports/${enc(id)}/versions`)).data.items;
}

export async function diffVersions(id: string, a: number, b: number): Promise<DiffResult> {
  return (await api<DiffResult>(`/api/reports/${enc(id)}/versions/${a}/diff/${b}`)).data;
}

/** 恢复旧版本: `version`'s content becomes the next version, on top of `current` (412 when stale). */
export async function restoreVersion(id: string, version: number, current: number): Promise<SaveResult> {
  return (await api<SaveResult>(`/api/reports/${enc(id)}/versions/${version}/restore`, { method: 'POST', headers: { 'If-Match': `"${current}"` } })).data;
}

export type ImportIntoResult = z.infer<typeof Http.ImportIntoResult>;

/** 导入到本草稿: `preview` lists what the file would change; `replace`/`merge` write it on top of `version`. */
export async function importIntoReport(id: string, file: File, mode: ImportIntoResult['mode'], version?: number): Promise<ImportIntoResult> {
  const form = new FormData();
  form.append('mode', mode);
  form.append('file', file);
  return (await api<ImportIntoResult>(`/api/reports/${encodeURIComponent(id)}/import`, { method: 'POST', body: form, headers: version ? { 'If-Match': `"${version}"` } : {} })).data;
}
