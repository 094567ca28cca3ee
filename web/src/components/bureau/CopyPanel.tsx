// 文本雷同: the task's last copy check — passages copied from other departments' reports (whose, which
// year, the two passages side by side), whole copied reports, reports filed under the wrong department —
// and the button that runs it again (绩效管理科).
import { App, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../api/client';
import { getCopyRun, runCopyCheck, type CopyRun } from '../../api/bureau';
import { formatTime } from '../../lib/time';
import { navigate } from '../../router';

type Match = CopyRun['matches'][number];
const KIND: Record<Match['kind'], { label: string; color: string }> = { passage: { label: '段落雷同', color: 'volcano' }, whole: { label: '整份雷同', color: 'red' }, wrong_department: { label: '封面非本单位', color: 'magenta' } };

export function CopyPanel({ taskId, canRun, onChanged }: { taskId: string; canRun: boolean; onChanged: () => void }) {
  const { message } = App.useApp();
  const [run, setRun] = useState<CopyRun | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    getCopyRun(taskId).then(setRun).catch((e: ApiError) => message.error(e.message));
  }, [taskId, message]);
  const start = async () => {
    setBusy(true);
    try {
      setRun(await runCopyCheck(taskId));
      onChanged();
    } catch (e) {
      message.error((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  const link = (id: string | null, text: string) =>
    id ? <a href={`/reports/${id}`} onClick={(e) => (e.preventDefault(), navigate(`/reports/${encodeURIComponent(id)}`))}>{text}</a> : text;
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        {canRun && <Button type="primary" loading={busy} onClick={() => void start()} data-testid="run-copy-check">{run?.ranAt ? '重新检查' : '开始检查'}</Button>}
        {run?.stats && (
          <Typography.Text type="secondary">
            {formatTime(run.ranAt)} 检查了本任务 {run.stats.targets} 份已报送报告，对照本局近三年 {run.stats.reports} 份报告的 {run.stats.passages} 个段落，{run.stats.flaggedReports} 份有雷同或封面问题。
          </Typography.Text>
        )}
      </Space>
      {run && !run.ranAt ? (
        <Empty description="尚未检查" />
      ) : (
        <Table<Match>
          rowKey={(m, i) => `${m.reportId}-${m.kind}-${m.path}-${i}`}
          size="small"
          dataSource={run?.matches ?? []}
          loading={!run}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '未发现雷同' }}
          columns={[
            { title: '报告', dataIndex: 'departmentName', width: 120, render: (n: string, m) => link(m.reportId, n) },
            { title: '类型', dataIndex: 'kind', width: 110, render: (k: Match['kind']) => <Tag color={KIND[k].color}>{KIND[k].label}</Tag> },
            { title: '本报告', dataIndex: 'passage', render: (t: string) => <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>{t}</Typography.Paragraph> },
            {
              title: '来源', width: 300,
              render: (_, m) => (
                <div>
                  {link(m.otherReportId, `${m.otherDepartmentName}${m.otherYear ? ` ${m.otherYear}年度` : ''}`)}
                  {m.otherPassage && <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>{m.otherPassage}</Typography.Paragraph>}
                </div>
              ),
            },
            { title: '相似度', dataIndex: 'similarity', width: 80, render: (s: number | null) => (s == null ? '—' : `${Math.round(s * 100)}%`) },
          ]}
        />
      )}
    </div>
  );
}
