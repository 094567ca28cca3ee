// 批量导出: finance zips all reports of a task (official PDF or DOCX); the server works through them
// one by one and this shows how far it is, then downloads the zip.
import { App, Button, Dropdown, Progress, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, type ApiError } from '../../api/client';
import { downloadExport } from '../../api/exports';

interface Job {
  id: string;
  state: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  failed: Array<{ departmentName: string; message: string }>;
}

export function BatchExport({ taskId }: { taskId: string }) {
  const { message } = App.useApp();
  const [job, setJob] = useState<Job | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const poll = (id: string) => {
    timer.current = setTimeout(async () => {
      try {
        const { data } = await api<Job>(`/api/export-jobs/${encodeURIComponent(id)}`);
        setJob(data);
        if (data.state === 'running') return poll(id);
        if (data.state === 'done') {
          if (data.failed.length) message.warning(`${data.failed.length} 份未能导出：${data.failed.map((f) => f.departmentName).join('、')}`);
          await downloadExport({ label: '批量导出', href: `/api/export-jobs/${encodeURIComponent(id)}/file` });
        } else message.error('批量导出失败，请稍后重试');
      } catch (err) {
        message.error((err as ApiError).message);
        setJob(null);
      }
    }, 700);
  };

  const start = async (format: 'pdf' | 'docx') => {
    try {
      const { data } = await api<Job>(`/api/tasks/${encodeURIComponent(taskId)}/exports`, { method: 'POST', body: { format } });
      setJob(data);
      poll(data.id);
    } catch (err) {
      message.error((err as ApiError).message);
    }
  };

  const running = job?.state === 'running';
  return (
    <Space>
      <Dropdown
        disabled={running}
        menu={{ items: [
          { key: 'pdf', label: '全部报告 PDF（正式版）', onClick: () => void start('pdf') },
          { key: 'docx', label: '全部报告 Word（正式版）', onClick: () => void start('docx') },
        ] }}
      >
        <Button loading={running} data-testid="batch-export">批量导出 ▾</Button>
      </Dropdown>
      {job && (
        <Progress
          style={{ width: 160 }}
          size="small"
          status={job.state === 'failed' ? 'exception' : job.state === 'done' ? 'success' : 'active'}
          percent={job.total ? Math.round((job.done / job.total) * 100) : 100}
          format={() => `${job.done}/${job.total}`}
        />
      )}
    </Space>
  );
}
