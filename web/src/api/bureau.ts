// The bureau's endpoints (tasks, board, sample, copy check, 复核, replies, 整改, inbox, dashboard). Types
// are inferred from the server's zod schemas (src/server/http/schemas-bureau.ts), never written again.
import type { z } from 'zod';
import type * as Http from '../../../src/server/http/schemas-bureau';
import { api } from './client';

export type TaskView = z.infer<typeof Http.TaskViewSchema>;
export type TaskListItem = z.infer<typeof Http.TaskListItemSchema>;
export type TaskInput = z.input<typeof Http.CreateTaskBody>;
export type Board = z.infer<typeof Http.BoardSchema>;
export type BoardItem = z.infer<typeof Http.BoardItemSchema>;
export type Roster = z.infer<typeof Http.RosterSchema>;
export type RemindResult = z.infer<typeof Http.RemindResultSchema>;
export type SampleView = z.infer<typeof Http.SampleViewSchema>;
export type SampleInput = z.input<typeof Http.SampleBody>;
export type CopyRun = z.infer<typeof Http.CopyRunSchema>;
export type RescoreView = z.infer<typeof Http.RescoreViewSchema>;
export type RescoreInput = z.input<typeof Http.RescoreBody>;
export type Concern = z.infer<typeof Http.ConcernsSchema>['concerns'][number];
export type NoticeView = z.infer<typeof Http.NoticeViewSchema>;
export type NoticeInput = z.input<typeof Http.IssueRectificationBody>;
export type Evidence = z.infer<typeof Http.EvidenceSchema>;
export type Inbox = z.infer<typeof Http.InboxSchema>;
export type InboxItem = Inbox['todo'][number];
export type DashboardData = z.infer<typeof Http.DashboardSchema>;

const enc = encodeURIComponent;
const get = async <T>(path: string) => (await api<T>(path)).data;
const send = async <T>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => (await api<T>(path, { method, body, headers })).data;

export const listTasks = async () => (await get<{ items: TaskListItem[] }>('/api/tasks')).items;
export const getTask = (id: string) => get<TaskView>(`/api/tasks/${enc(id)}`);
export const createTask = (input: TaskInput) => send<TaskView>('POST', '/api/tasks', input);
export const updateTask = (id: string, version: number, input: Partial<TaskInput>) => send<TaskView>('PUT', `/api/tasks/${enc(id)}`, input, { 'If-Match': `"${version}"` });
export const issueTask = (id: string, version: number) => send<{ task: TaskView; departments: number; created: number; attached: number }>('POST', `/api/tasks/${enc(id)}/issue`, undefined, { 'If-Match': `"${version}"` });
export const getBoard = (id: string) => get<Board>(`/api/tasks/${enc(id)}/board`);
export const boardXlsxUrl = (id: string) => `/api/tasks/${enc(id)}/board.xlsx`;
export const extendDeadline = (id: string, departmentId: string, due: string | null, reason: string) => send('POST', `/api/tasks/${enc(id)}/extensions`, { departmentId, due, reason });
export const remind = (id: string) => send<RemindResult>('POST', `/api/tasks/${enc(id)}/remind`);
export const getRoster = () => get<Roster>('/api/bureau/roster');

export const getSample = async (id: string) => (await get<{ sample: SampleView | null }>(`/api/tasks/${enc(id)}/sample`)).sample;
export const drawSample = (id: string, input: SampleInput) => send<SampleView>('POST', `/api/tasks/${enc(id)}/sample`, input);
/** A pick is named by its report: a 项目支出 task may sample several reports of one department. */
export const adjustSample = (id: string, pick: { departmentId: string; reportId: string }, action: 'add' | 'drop', reason: string) =>
  send<SampleView>('POST', `/api/tasks/${enc(id)}/sample/picks`, { ...pick, action, reason });

export const getCopyRun = (id: string) => get<CopyRun>(`/api/tasks/${enc(id)}/copy-check`);
export const runCopyCheck = (id: string) => send<CopyRun>('POST', `/api/tasks/${enc(id)}/copy-check`);

export const getRescore = (id: string) => get<RescoreView>(`/api/reports/${enc(id)}/rescore`);
export const saveRescore = (id: string, version: number, input: RescoreInput) => send<RescoreView>('PUT', `/api/reports/${enc(id)}/rescore`, input, { 'If-Match': `"${version}"` });
export const acceptCheck = async (id: string) => (await get<{ concerns: Concern[] }>(`/api/reports/${enc(id)}/accept-check`)).concerns;
export const replyToReturn = (id: string, returnId: string, body: { stance: 'accept' | 'dispute' | 'reply'; text: string; path?: string }) =>
  send<{ id: string }>('POST', `/api/reports/${enc(id)}/returns/${enc(returnId)}/replies`, body);
export const deleteDraft = (id: string, version: number) => send('DELETE', `/api/reports/${enc(id)}`, undefined, { 'If-Match': `"${version}"` });

export const listNotices = async (q: { taskId?: string; departmentId?: string } = {}) =>
  (await get<{ items: NoticeView[] }>(`/api/rectifications${q.taskId ? `?taskId=${enc(q.taskId)}` : q.departmentId ? `?departmentId=${enc(q.departmentId)}` : ''}`)).items;
export const getNotice = (id: string) => get<NoticeView>(`/api/rectifications/${enc(id)}`);
export const issueNotice = (input: NoticeInput) => send<NoticeView>('POST', '/api/rectifications', input);
export const answerItem = (id: string, itemId: string, answer: string) => send('POST', `/api/rectifications/${enc(id)}/items/${enc(itemId)}/answer`, { answer });
export const reviewItem = (id: string, itemId: string, decision: 'accept' | 'reopen', note?: string) => send('POST', `/api/rectifications/${enc(id)}/items/${enc(itemId)}/review`, { decision, note });
export const evidenceUrl = (id: string, fileId: string) => `/api/rectifications/${enc(id)}/evidence/${enc(fileId)}`;
export async function uploadEvidence(id: string, itemId: string, file: File): Promise<Evidence> {
  const form = new FormData();
  form.append('file', file, file.name);
  return (await api<Evidence>(`/api/rectifications/${enc(id)}/items/${enc(itemId)}/evidence`, { method: 'POST', body: form })).data;
}

export const getInbox = () => get<Inbox>('/api/inbox');
export const getDashboard = (year?: number) => get<DashboardData>(`/api/dashboard${year ? `?year=${year}` : ''}`);
