// 我的报告: every report this account may see, with status, score, grade and version; a preparer
// creates a new draft or imports last year's file into one.
import { Alert, App, Button, Card, Empty, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../api/client';
import { listReports } from '../api/reports';
import type { ListItem } from '../api/types';
import { StatusTag } from '../components/StatusTag';
import { CreateReportButton } from '../components/reports/CreateReportButton';
import { ImportReportButton } from '../components/reports/ImportReportButton';
import { STATUS_LABEL, type ReportStatus } from '../../../src/core/workflow/index';
import { displayGrade } from '../../../src/core/bureau/grades';
import { formatTime } from '../lib/time';
import { has } from '../lib/user';
import { navigate } from '../router';
import { useSession } from '../session';

export function ReportListPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const [items, setItems] = useState<ListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const preparer = has(user, 'preparer');
  const finance = has(user, 'reviewer') || has(user, 'perf_admin');

  const load = useCallback(() => {
    setError(null);
    listReports()
      .then(setItems)
      .catch((err: ApiError) => setError(err.message));
  }, []);
  useEffect(load, [load]);

  const open = (id: string) => navigate(`/reports/${encodeURIComponent(id)}`);
  const created = (id: string, how: string) => {
    message.success(how);
    open(id);
  };

  const columns: ColumnsType<ListItem> = [
    { title: '年度', dataIndex: 'year', width: 80, render: (y: number | null) => (y ? `${y}年度` : '—') },
    { title: '部门（单位）', dataIndex: 'departmentName', render: (n: string, r) => (
        <a href={`/reports/${encodeURIComponent(r.id)}`} onClick={(e) => (e.preventDefault(), open(r.id))}>
          {n}
        </a>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 120,
      render: (s: ReportStatus) => <StatusTag status={s} />,
      filters: Object.entries(STATUS_LABEL).map(([value, text]) => ({ value, text })),
      onFilter: (v, r) => r.status === v,
    },
    { title: '自评得分', dataIndex: 'selfScore', width: 100, align: 'right', render: (s: number | null) => (s == null ? '—' : s) },
    { title: '评价等次', dataIndex: 'grade', width: 100, render: (g: string, r) => displayGrade(g, r.templateId ?? '') || '—' },
    { title: '版本', dataIndex: 'version', width: 80, align: 'right', render: (v: number) => `第 ${v} 版` },
    { title: '最后修改', dataIndex: 'updatedAt', width: 160, render: formatTime },
    {
      title: '操作',
      key: 'open',
      width: 90,
      render: (_, r) => (
        <Button size="small" type="link" onClick={() => open(r.id)}>
          {preparer && (r.status === 'draft' || r.status === 'returned')
            ? '填报'
            : has(user, 'reviewer') && (r.status === 'submitted' || r.status === 'finance_review')
              ? '审核'
              : has(user, 'head') && r.status === 'dept_review'
                ? '审核'
                : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={finance && !user.departmentId ? '报告列表' : '我的报告'}
      extra={
        preparer && (
          <Space>
            <ImportReportButton onImported={(id) => created(id, '已导入为新草稿')} />
            <CreateReportButton onCreated={(id) => created(id, '已新建草稿')} />
          </Space>
        )
      }
    >
      {finance && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          列出已报送财政的本局（归口）部门报告。点击部门名称查看、审核或退回。
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} action={<Button size="small" onClick={load}>重试</Button>} style={{ marginBottom: 16 }} />}
      <Table<ListItem>
        rowKey="id"
        size="middle"
        loading={items === null && !error}
        dataSource={items ?? []}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ onDoubleClick: () => open(r.id) })}
        locale={{ emptyText: <Empty description={preparer ? '还没有报告。请新建或导入上一年度的报告文件。' : '暂无可查看的报告'} /> }}
      />
    </Card>
  );
}
