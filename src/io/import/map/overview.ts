// 一、部门(单位)基本概况: contact, phone, staff quota and actual staff, duties, tasks, achievements.
import { label, section } from '../../../core/forms/index';
import type { MapContext } from './context';
import { findLabelled } from './fields';
import { IMPORT_FORM, MISC, OVERVIEW } from './labels';
import { parseCount, splitTasks } from './values';


export function mapOverview(ctx: MapContext, from: number, to: number): void {
  const o = ctx.report.overview;
  const text = (key: 'contact' | 'phone' | 'duties' | 'achievements') => {
    const v = findLabelled(ctx, OVERVIEW[key], from, to);
    if (!v) return;
    o[key] = v.value;
    ctx.source(`overview.${key}`, v.loc);
  };
  text('contact');
  text('phone');
  for (const key of ['staffQuota', 'actualStaff'] as const) {
    const v = findLabelled(ctx, OVERVIEW[key], from, to);
    if (!v) continue;
    ctx.source(`overview.${key}`, v.loc);
    const n = parseCount(v.value);
    o[key] = n;
    if (n == null && v.value !== '') {
      const where = `${section(IMPORT_FORM, 'overview').short}·${label(IMPORT_FORM, `overview.${key}`)}`;
      ctx.diag({ code: 'IMPORT.BAD_COUNT', severity: 'error', path: `overview.${key}`, loc: v.loc, message: `${where}：“${v.value}”不是人数，应填整数。` });
    }
  }
  text('duties');
  // A workbook repeats the 年度主要工作内容 label on one row per task.
  for (let tasks = findLabelled(ctx, OVERVIEW.tasks, from, to); tasks; tasks = findLabelled(ctx, OVERVIEW.tasks, from, to)) {
    if (!o.tasks.length) ctx.source('overview.tasks', tasks.loc);
    o.tasks.push(...splitTasks(tasks.value));
  }
  text('achievements');
  // Web copies sometimes lose the 年度主要工作内容 label; the 任务N lines still say what they are.
  for (let i = ctx.find(MISC.taskLine, from, to); i >= 0; i = ctx.find(MISC.taskLine, i + 1, to)) {
    const t = ctx.tokens[i]!;
    if (ctx.isUsed(i)) continue;
    if (!o.tasks.length) ctx.source('overview.tasks', t.loc);
    o.tasks.push(...splitTasks(t.text));
    ctx.use(i);
  }
}
