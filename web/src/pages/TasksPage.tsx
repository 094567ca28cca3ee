// 自评任务: the bureau's annual tasks with their progress; 绩效管理科 creates one.
import { Alert, App, Button, Card, Empty, Progress, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../api/client';
import { listTasks, type TaskListItem } from '../api/bureau';
import { TaskForm } from '../components/bureau/TaskForm';
import { has } from '../lib/user';
import { navigate } from '../router';
import { useSession } from '../session';

export const TASK_STATUS: Record<TaskListItem['status'], { label: string; color: string }> = {
  draft: { label: '未下达', color: 'default' },
  issued: { label: '已下达', color: 'blue' },
  closed: { label: '已结束', color: 'green' },
};

export default function TasksPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const [items, setItems] = useState<TaskListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const load = useCallback(() => {
    listTasks().then(setItems).catch((e: ApiError) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  const open = (id: string) => navigate(`/tasks/${encodeURIComponent(id)}`);
  return (
    <Card title="绩效自评任务" extra={has(user, 'perf_admin') && <Button type="primary" onClick={() => setCreating(true)}>新建任务</Button>}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<TaskListItem>
        rowKey="id"
        loading={items === null && !error}
        dataSource={items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={has(user, 'perf_admin') ? '还没有任务。新建本年度的绩效自评任务并下达给各部门。' : '本局尚未下达任务'} /> }}
        onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '年度', dataIndex: 'year', width: 90, render: (y: number) => `${y}年度` },
          { title: '任务', dataIndex: 'title', render: (t: string, r) => <a onClick={(e) => (e.preventDefault(), open(r.id))} href={`/tasks/${r.id}`}>{t}</a> },
          { title: '状态', dataIndex: 'status', width: 90, render: (s: TaskListItem['status']) => <Tag color={TASK_STATUS[s].color}>{TASK_STATUS[s].label}</Tag> },
          { title: '报送截止', width: 110, render: (_, r) => r.deadlines.selfEvalDue },
          {
            title: '已报送', width: 200,
            render: (_, r) => {
              const done = r.summary.byState.filter((s) => ['submitted', 'finance_review', 'accepted', 'published'].includes(s.state)).reduce((a, s) => a + s.count, 0);
              return r.summary.total ? <Progress percent={Math.round((done / r.summary.total) * 100)} size="small" format={() => `${done}/${r.summary.total}`} /> : '—';
            },
          },
          { title: '逾期', width: 80, render: (_, r) => (r.summary.late ? <Tag color="red">{r.summary.late}</Tag> : 0) },
        ]}
      />
      <TaskForm
        open={creating}
        onCancel={() => setCreating(false)}
        onCreated={(t) => {
          setCreating(false);
          message.success('任务已新建，核对后即可下达');
          open(t.id);
        }}
      />
    </Card>
  );
}
