// /api/org: bureaus, sections and departments for the 系统管理员 (the 安全管理员 reads them to attach accounts).
import type { z } from 'zod';
import type * as Http from '../../../src/server/http/schemas';
import { api } from './client';

export type Bureau = z.infer<typeof Http.BureauView>;
export type Section = z.infer<typeof Http.SectionView>;
export type Department = z.infer<typeof Http.DepartmentView>;
export type OrgChange = z.infer<typeof Http.OrgChangeBody>;
export type OrgHistoryEntry = z.infer<typeof Http.OrgHistoryEntry>;
export type OrgKind = z.infer<typeof Http.OrgUnitKind>;

export async function listBureaus(): Promise<Bureau[]> {
  return (await api<{ items: Bureau[] }>('/api/org/bureaus')).data.items;
}

export async function listSections(bureauId?: string): Promise<Section[]> {
  return (await api<{ items: Section[] }>(`/api/org/sections${bureauId ? `?bureauId=${encodeURIComponent(bureauId)}` : ''}`)).data.items;
}

/** Every department of a bureau, page after page (a bureau holds hundreds, not millions). */
export async function listDepartments(bureauId: string): Promise<Department[]> {
  const all: Department[] = [];
  for (let offset: number | null = 0; offset != null; ) {
    const page: { items: Department[]; nextOffset: number | null } = (await api<{ items: Department[]; nextOffset: number | null }>(`/api/org/departments?bureauId=${encodeURIComponent(bureauId)}&limit=5000&offset=${offset}`)).data;
    all.push(...page.items);
    offset = page.nextOffset;
  }
  return all;
}

export async function addOrgUnit<T>(kind: OrgKind, body: object): Promise<T> {
  return (await api<T>(`/api/org/${kind}`, { method: 'POST', body })).data;
}

export async function changeOrgUnit<T>(kind: OrgKind, id: string, change: OrgChange): Promise<T> {
  return (await api<T>(`/api/org/${kind}/${encodeURIComponent(id)}`, { method: 'PATCH', body: change })).data;
}

export async function orgHistory(kind: OrgKind, id: string): Promise<OrgHistoryEntry[]> {
  return (await api<{ items: OrgHistoryEntry[] }>(`/api/org/${kind}/${encodeURIComponent(id)}/history`)).data.items;
}
