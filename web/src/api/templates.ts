// /api/templates: the bureau's 评分表 templates; a report's own template loaded into the browser's
// registry so the editor checks and scores with exactly the version the report names.
import type { z } from 'zod';
import { templates } from '../../../src/core/templates/index';
import type * as Http from '../../../src/server/http/schemas';
import { api } from './client';

export type TemplateSummary = z.infer<typeof Http.TemplateSummarySchema>;
export type TemplateCheck = z.infer<typeof Http.TemplateCheckSchema>;
export type UploadResult = z.infer<typeof Http.UploadResultSchema>;

export async function listTemplates(): Promise<TemplateSummary[]> {
  return (await api<{ items: TemplateSummary[] }>('/api/templates')).data.items;
}

export async function checkTemplate(text: string): Promise<TemplateCheck> {
  return (await api<TemplateCheck>('/api/templates/check', { method: 'POST', body: { text } })).data;
}

export async function uploadTemplate(text: string): Promise<UploadResult> {
  return (await api<UploadResult>('/api/templates', { method: 'POST', body: { text } })).data;
}

export async function activateTemplate(id: string, version: number): Promise<TemplateSummary> {
  return (await api<TemplateSummary>(`/api/templates/${encodeURIComponent(id)}/versions/${version}/activate`, { method: 'POST' })).data;
}

/**
 * Makes the template a report names known to core in this browser (the shipped ones are compiled in; a
 * bureau's upload is fetched once). Resolves when the report can be checked.
 */
export async function ensureTemplate(id: string, version: number): Promise<void> {
  if (templates.get(id, version)) return;
  const body = (await api<unknown>(`/api/templates/${encodeURIComponent(id)}/versions/${version}`)).data;
  templates.add(body, { source: 'upload' });
  fetched.push(body);
}

const fetched: unknown[] = [];

/** The uploads loaded so far, as fetched: the live-check worker registers them too (its registry is its own). */
export function fetchedTemplates(): readonly unknown[] {
  return fetched;
}
