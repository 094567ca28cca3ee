// Deadline arithmetic for the annual task (绩效自评任务). Deadlines are calendar dates (YYYY-MM-DD) as the
// bureau's notice prints them, due at the end of that day in the bureau's time zone (China: UTC+8, no
// daylight saving), so "today" is the bureau's date, never the server's.

export const BUREAU_UTC_OFFSET_MINUTES = 8 * 60;

/** The three dates of the notice (domain §9.3). */
export interface Deadlines {
  /** 自评报告报送截止日 */
  selfEvalDue: string;
  /** 财政审核（复核）截止日 */
  financeReviewDue: string;
  /** 结果公开截止日 */
  publishBy: string;
}

export const DEADLINE_LABEL: Record<keyof Deadlines, string> = {
  selfEvalDue: '自评报送截止日',
  financeReviewDue: '财政审核截止日',
  publishBy: '结果公开截止日',
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date; null when it is not a real date. */
function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / DAY_MS;
}

export function isDate(s: string): boolean {
  return dayNumber(s) !== null;
}

/** The bureau's calendar date at an instant. */
export function bureauDate(instant: Date | string, offsetMinutes = BUREAU_UTC_OFFSET_MINUTES): string {
  const t = (typeof instant === 'string' ? new Date(instant) : instant).getTime() + offsetMinutes * 60_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** b − a in whole days. */
export function daysBetween(a: string, b: string): number {
  const x = dayNumber(a);
  const y = dayNumber(b);
  if (x === null || y === null) throw new RangeError(`不是有效日期：${x === null ? a : b}`);
  return y - x;
}

export function addDays(date: string, days: number): string {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`不是有效日期：${date}`);
  return new Date((n + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Days left until `due` as seen at `now`: 0 = due today, −3 = three days past the deadline. */
export function daysLeft(due: string, now: Date | string): number {
  return daysBetween(bureauDate(now), due);
}

/** Chinese for a days-left figure: 还剩 3 天 / 今天截止 / 逾期 2 天. */
export function daysLeftText(days: number | null): string {
  if (days === null) return '—';
  if (days > 0) return `还剩 ${days} 天`;
  if (days === 0) return '今天截止';
  return `逾期 ${-days} 天`;
}

/** Problems with a set of deadlines, in Chinese; empty when they are usable. */
export function deadlineProblems(d: Partial<Deadlines>): string[] {
  const out: string[] = [];
  const keys = Object.keys(DEADLINE_LABEL) as Array<keyof Deadlines>;
  for (const k of keys) {
    const v = d[k];
    if (!v) out.push(`请填写${DEADLINE_LABEL[k]}`);
    else if (!isDate(v)) out.push(`${DEADLINE_LABEL[k]}“${v}”不是有效日期（格式 YYYY-MM-DD）`);
  }
  if (out.length) return out;
  for (let i = 1; i < keys.length; i++) {
    const a = keys[i - 1]!;
    const b = keys[i]!;
    if (daysBetween(d[a]!, d[b]!) < 0) out.push(`${DEADLINE_LABEL[b]}（${d[b]}）不能早于${DEADLINE_LABEL[a]}（${d[a]}）`);
  }
  return out;
}

/** Whether the deadline is near enough to warn about (the bell's 临近截止). */
export const WARN_DAYS = 7;

export type DeadlineState = 'overdue' | 'dueSoon' | 'ok';

export function deadlineState(days: number | null, warnDays = WARN_DAYS): DeadlineState | null {
  if (days === null) return null;
  if (days < 0) return 'overdue';
  return days <= warnDays ? 'dueSoon' : 'ok';
}
