// A report status as a coloured tag with the workflow's Chinese label.
import { Tag } from 'antd';
import { STATUS_LABEL, type ReportStatus } from '../../../src/core/workflow/index';

export const STATUS_COLOR: Record<ReportStatus, string> = {
  draft: 'default',
  dept_review: 'processing',
  submitted: 'blue',
  finance_review: 'geekblue',
  accepted: 'success',
  returned: 'error',
  published: 'purple',
};

export function StatusTag({ status }: { status: ReportStatus }) {
  return (
    <Tag color={STATUS_COLOR[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {STATUS_LABEL[status] ?? status}
    </Tag>
  );
}
