// The bureau's and the department's actions around a report beside the workflow buttons: the preparer
// deletes an unsubmitted draft; finance sends a 整改通知 about the report, starting from its findings.
import { App, Button } from 'antd';
import { useState } from 'react';
import type { Finding } from '../../../../src/core/model/finding';
import type { Report } from '../../../../src/core/model/report';
import type { ApiError } from '../../api/client';
import { deleteDraft } from '../../api/bureau';
import type { ReportView } from '../../api/types';
import { has } from '../../lib/user';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { NoticeForm } from './NoticeForm';

interface Props {
  view: ReportView;
  report: Report;
  findings: readonly Finding[];
  ownDepartment: boolean;
  finance: boolean;
}

export function ReportActions({ view, report, findings, ownDepartment, finance }: Props) {
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const [notice, setNotice] = useState(false);
  const deletable = ownDepartment && has(user, 'preparer') && view.status === 'draft';
  const reported = !['draft', 'dept_review'].includes(view.status);
  const remove = () =>
    modal.confirm({
      title: '删除这份草稿？',
      content: '草稿从未提交过，删除后不可恢复（审计日志保留记录）。本部门可再新建或导入本年度报告。',
      okText: '删除', okButtonProps: { danger: true }, cancelText: '取消',
      onOk: async () => {
        try {
          await deleteDraft(view.id, view.version);
          message.success('已删除草稿');
          navigate('/reports');
        } catch (e) {
          message.error((e as ApiError).message);
        }
      },
    });
  return (
    <>
      {deletable && <Button danger onClick={remove} data-testid="delete-draft">删除草稿</Button>}
      {finance && reported && <Button onClick={() => setNotice(true)} data-testid="issue-notice">下达整改通知</Button>}
      {finance && (
        <NoticeForm
          open={notice}
          departments={[{ id: view.departmentId ?? '', name: view.departmentName ?? report.cover.departmentName }]}
          departmentId={view.departmentId}
          reportId={view.id}
          taskId={view.task?.id ?? null}
          year={view.year ?? report.year ?? undefined}
          suggestions={[...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.message))].slice(0, 30)}
          onCancel={() => setNotice(false)}
          onIssued={(n) => {
            setNotice(false);
            message.success('已下达整改通知');
            navigate(`/rectifications/${encodeURIComponent(n.id)}`);
          }}
        />
      )}
    </>
  );
}
