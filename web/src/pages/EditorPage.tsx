// /reports/:id — loads the report and hands it to the editor; reloads after a workflow step.
import { Alert, Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../api/client';
import { getReport } from '../api/reports';
import { ensureTemplate } from '../api/templates';
import type { ReportView } from '../api/types';
import { ReportEditor } from '../components/editor/ReportEditor';
import { navigate } from '../router';

export default function EditorPage({ id }: { id: string }) {
  const [view, setView] = useState<ReportView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);

  const load = useCallback(() => {
    getReport(id)
      // the editor checks with the report's own template: a bureau's upload is fetched first
      .then(async (v) => {
        await ensureTemplate(v.report.templateId, v.report.templateVersion).catch(() => undefined);
        return v;
      })
      .then((v) => {
        setView(v);
        setError(null);
        setGeneration((g) => g + 1);
      })
      .catch((e: ApiError) => setError(e));
  }, [id]);
  useEffect(load, [load]);

  if (error && !view) {
    if (error.status === 404 || error.status === 403)
      return <Result status="404" title="报告不存在或无权查看" extra={<Button type="primary" onClick={() => navigate('/reports')}>返回报告列表</Button>} />;
    return <Alert type="error" showIcon title={`报告加载失败：${error.message}`} action={<Button onClick={load}>重试</Button>} />;
  }
  if (!view)
    return (
      <div className="jx-center-page">
        <Spin size="large" description="正在打开报告…" />
      </div>
    );
  // A new generation (after a transition) starts the editor afresh from the server's copy.
  return <ReportEditor key={`${view.id}:${generation}`} view={view} reload={load} />;
}
