// 指标库 endpoints: list/search, add, change (If-Match) and retire/restore. Shapes come from the server's
// zod schemas (src/server/http/schemas.ts), the entry's fields from core (core/library/model.ts).
import type { z } from 'zod';
import type { LibraryEntry, LibraryFieldsInput, LibraryScope, LibraryStatus } from '../../../src/core/library/model';
import type * as Http from '../../../src/server/http/schemas';
import { api } from './client';

export type LibraryList = z.infer<typeof Http.LibraryList>;
export type LibraryQuery = z.input<typeof Http.LibraryQuery>;
export type PriorYear = z.infer<typeof Http.PriorYearSchema>;

export async function listLibrary(query: LibraryQuery = {}): Promise<LibraryList> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return (await api<LibraryList>(`/api/library${qs ? `?${qs}` : ''}`)).data;
}

export async function addLibraryEntry(scope: LibraryScope, fields: LibraryFieldsInput): Promise<LibraryEntry> {
  return (await api<LibraryEntry>('/api/library', { method: 'POST', body: { scope, fields } })).data;
}

export async function updateLibraryEntry(id: string, version: number, fields: LibraryFieldsInput): Promise<LibraryEntry> {
  return (await api<LibraryEntry>(`/api/library/${encodeURIComponent(id)}`, { method: 'PUT', body: { fields }, headers: { 'If-Match': `"${version}"` } })).data;
}

export async function setLibraryStatus(id: string, version: number, status: LibraryStatus): Promise<LibraryEntry> {
  return (await api<LibraryEntry>(`/api/library/${encodeURIComponent(id)}/status`, { method: 'POST', body: { status }, headers: { 'If-Match': `"${version}"` } })).data;
}
