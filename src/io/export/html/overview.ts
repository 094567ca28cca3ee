// 一、部门（单位）基本概况: the bordered form of contact, staffing, duties, tasks and achievements.
import type { Report } from '../../../core/model/report';
import { SECTION_LABELS } from '../../../core/model/layout';
import { cell, cellHtml, colgroup, framed, label, sectionBar, type RenderContext } from './cells';
import { esc } from './escape';
import { numText, paragraphs } from './format';

export function renderOverview(report: Report, ctx: RenderContext): string {
  const o = report.overview;
  const tasks = o.tasks
    .map((t, i) => `<p${ctx.attrs(`overview.tasks[${i}]`)}>${esc(t)}</p>`)
    .join('');
  const rows = [
    label('联系人') + cell(ctx, o.contact, { path: 'overview.contact' }) + label('联络电话') + cell(ctx, o.phone, { path: 'overview.phone', cls: 'jx-nowrap' }),
    label('人员编制') +
      cell(ctx, numText(o.staffQuota), { path: 'overview.staffQuota' }) +
      label('实有人数') +
      cell(ctx, numText(o.actualStaff), { path: 'overview.actualStaff' }),
    label('职能职责概述') + cellHtml(ctx, paragraphs(o.duties), { path: 'overview.duties', colspan: 3, cls: 'jx-text' }),
    label('年度主要\n工作内容') + cellHtml(ctx, tasks, { path: 'overview.tasks', colspan: 3, cls: 'jx-text' }),
    label('年度部门\n（单位）总体\n运行情况及\n取得的成绩') +
      cellHtml(ctx, paragraphs(o.achievements), { path: 'overview.achievements', colspan: 3, cls: 'jx-text' }),
  ];
  return (
    sectionBar(SECTION_LABELS.overview) +
    framed(`<table class="jx-form jx-overview">${colgroup([20, 30, 20, 30])}<tbody>${rows.map((r) => `<tr>${r}</tr>`).join('')}</tbody></table>`)
  );
}
