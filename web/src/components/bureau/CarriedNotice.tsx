// What a new draft took over from last year's report, and the task deadline the report answers to.
import { Alert, Tag } from 'antd';
import { daysLeft, daysLeftText } from '../../../../src/core/bureau/deadline';
import type { ReportView } from '../../api/types';

export function CarriedNotice({ view }: { view: ReportView }) {
  const c = view.carried;
  const editable = view.editScope === '*' && view.status === 'draft';
  if (!c || !editable) return null;
  return (
    <Alert
      type="info"
      showIcon
      className="jx-banner"
      data-testid="carried-notice"
      title={c.fromYear ? `本草稿已从 ${c.fromYear} 年度报告结转以下内容，请逐项核对更新：` : '本草稿已带入以下内容：'}
      description={<span>{c.items.join('；')}。金额、完成值、得分、签名及综述须按本年度如实填写。</span>}
    />
  );
}

export function TaskDeadline({ view }: { view: ReportView }) {
  const t = view.task;
  if (!t || !['draft', 'returned', 'dept_review'].includes(view.status)) return null;
  const due = t.extendedDue ?? t.selfEvalDue;
  const days = daysLeft(due, new Date());
  return (
    <Tag color={days < 0 ? 'red' : days <= 7 ? 'orange' : 'default'} data-testid="task-deadline" title={t.title}>
      报送截止 {due}{t.extendedDue ? '（已延期）' : ''} · {daysLeftText(days)}
    </Tag>
  );
}
