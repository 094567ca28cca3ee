// 我的报告 / 报告列表: every report this account may see, with status, score, grade, version and source file;
// 需要我处理 narrows it to what the bell's 待办 names for this user; a preparer creates a new draft, imports
// a file into one, or deletes a draft never submitted.
import { Alert, App, Button, Card, Empty, Input, Popconfirm, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../api/client';
import { deleteDraft, getInbox } from '../api/bureau';
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

  const [view, setView] = useState<'all' | 'mine'>('all');
  const [search, setSearch] = useState('');
  const [year, setYear] = useState<number | null>(null);
  // 需要我处理: the reports the bell's 待办 names for this user (use-cases/inbox.ts), what to do on each
  const [todo, setTodo] = useState<Map<string, string[]>>(new Map());

  const load = useCallback(() => {
    setError(null);
    listReports()
      .then(setItems)
      .catch((err: ApiError) => setError(err.message));
    getInbox()
      .then((inbox) => {
        const m = new Map<string, string[]>();
        for (const i of inbox.todo) if (i.link.type === 'report') m.set(i.link.id, [...(m.get(i.link.id) ?? []), i.title.split('：')[0]!]);
        setTodo(m);
      })
      .catch(() => setTodo(new Map()));
  }, []);
  const years = [...new Set((items ?? []).map((i) => i.year).filter((y): y is number => y != null))].sort((a, b) => b - a);
  const q = search.trim();
  const shown = (items ?? []).filter(
    (i) => (view === 'all' || todo.has(i.id)) && (year == null || i.year === year) && (!q || i.departmentName.includes(q) || (i.sourceFile ?? '').includes(q)),
  );
  useEffect(load, [load]);

  const open = (id: string) => navigate(`/reports/${encodeURIComponent(id)}`);
  const created = (id: string, how: string) => {
    message.success(how);
    open(id);
  };

  const remove = async (r: ListItem) => {
    try {
      await deleteDraft(r.id, r.version);
      message.success('草稿已删除');
      load();
    } catch (err) {
      message.error((err as ApiError).message);
    }
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
      render: (s: ReportStatus, r) => (
        <>
          <StatusTag status={s} />
          {todo.get(r.id)?.map((t) => <Tag key={t} color="orange" style={{ marginTop: 2 }}>{t}</Tag>)}
        </>
      ),
      filters: Object.entries(STATUS_LABEL).map(([value, text]) => ({ value, text })),
      onFilter: (v, r) => r.status === v,
    },
    { title: '自评得分', dataIndex: 'selfScore', width: 100, align: 'right', render: (s: number | null) => (s == null ? '—' : s) },
    { title: '评价等次', dataIndex: 'grade', width: 100, render: (g: string, r) => displayGrade(g, r.templateId ?? '') || '—' },
    { title: '版本', dataIndex: 'version', width: 80, align: 'right', render: (v: number) => `第 ${v} 版` },
    { title: '最后修改', dataIndex: 'updatedAt', width: 160, render: formatTime },
    {
      title: '来源', key: 'source', width: 200, ellipsis: true,
      render: (_, r) => (r.sourceFile ? <span title={r.sourceFile}>{r.sourceFile}<br /><Typography.Text type="secondary">导入于 {formatTime(r.importedAt ?? '')}</Typography.Text></span> : <Typography.Text type="secondary">在线新建</Typography.Text>),
    },
    {
      title: '操作',
      key: 'open',
      width: 130,
      render: (_, r) => (
        <Space size={0}>
          <Button size="small" type="link" onClick={() => open(r.id)}>
            {preparer && (r.status === 'draft' || r.status === 'returned')
              ? '填报'
              : has(user, 'reviewer') && (r.status === 'submitted' || r.status === 'finance_review')
                ? '审核'
                : has(user, 'head') && r.status === 'dept_review'
                  ? '审核'
                  : '查看'}
          </Button>
          {preparer && r.status === 'draft' && (
            <Popconfirm title={`删除${r.year ?? ''}年度的这份草稿（第 ${r.version} 版）？`} description="删除后不能恢复；审计日志保留删除记录。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove(r)}>
              <Button size="small" type="link" danger>删除</Button>
            </Popconfirm>
          )}
        </Space>
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
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={view}
          onChange={(v) => setView(v as 'all' | 'mine')}
          options={[{ value: 'all', label: '全部' }, { value: 'mine', label: `需要我处理（${(items ?? []).filter((i) => todo.has(i.id)).length}）` }]}
          data-testid="list-view"
        />
        <Select allowClear placeholder="年度" aria-label="年度" style={{ width: 110 }} value={year} onChange={(v) => setYear(v ?? null)} options={years.map((y) => ({ value: y, label: `${y}年度` }))} />
        <Input.Search allowClear placeholder="按部门或文件名查找" aria-label="查找报告" style={{ width: 240 }} value={search} onChange={(e) => setSearch(e.target.value)} />
      </Space>
      <Table<ListItem>
        rowKey="id"
        size="middle"
        loading={items === null && !error}
        dataSource={shown}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ onDoubleClick: () => open(r.id) })}
        locale={{ emptyText: <Empty description={preparer ? '还没有报告。请新建或导入上一年度的报告文件。' : '暂无可查看的报告'} /> }}
      />
    </Card>
  );
}
