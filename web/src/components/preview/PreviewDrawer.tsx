// 预览: the report in the official layout (io/export/html, the same renderer as the PDF), inside a
// sandboxed frame: no scripts run in it and its styles cannot touch the app. The review rendering:
// findings are tinted; downloads default to the official one.
// Downloads use the server's export route when it has one (found in its OpenAPI document); otherwise
// the HTML rendered here is offered.
import { App, Button, Drawer, Dropdown, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Finding } from '../../../../src/core/model/finding';
import type { Report } from '../../../../src/core/model/report';
import type { Scorecard } from '../../../../src/core/model/score';
import { renderReportHtml } from '../../../../src/io/export/html/index';
import type { ApiError } from '../../api/client';
import { downloadExport, exportLinks, type ExportLink } from '../../api/exports';

interface Props {
  open: boolean;
  reportId: string;
  report: Report;
  findings: readonly Finding[];
  score: Scorecard | null;
  fileName: string;
  onClose: () => void;
}

const FRAME_CSS = 'html,body{margin:0;background:#e9e9e9}body{padding:16px 0}';

export function previewDocument(report: Report, findings: readonly Finding[], score: Scorecard | null): string {
  const fragment = renderReportHtml(report, { rendering: 'review', standalone: false, findings, ...(score ? { score } : {}) });
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>${FRAME_CSS}</style></head><body>${fragment}</body></html>`;
}

function saveHtml(name: string, html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function PreviewDrawer({ open, reportId, report, findings, score, fileName, onClose }: Props) {
  const doc = useMemo(() => (open ? previewDocument(report, findings, score) : ''), [open, report, findings, score]);
  const { message } = App.useApp();
  const [links, setLinks] = useState<ExportLink[]>([]);
  const [busy, setBusy] = useState(false);
  const download = async (l: ExportLink) => {
    setBusy(true);
    const hide = message.loading(`正在生成${l.label}…`, 0);
    try {
      await downloadExport(l);
    } catch (err) {
      message.error({ content: `导出失败：${(err as ApiError).message}`, duration: 6 });
    } finally {
      hide();
      setBusy(false);
    }
  };
  useEffect(() => {
    if (open) void exportLinks(reportId).then(setLinks);
  }, [open, reportId]);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title="预览（审阅版：标注检查发现；下载与打印为正式版）"
      size={980}
      destroyOnHidden
      styles={{ body: { padding: 0, background: '#e9e9e9' } }}
      extra={
        <Space>
          <Button onClick={() => window.open(`/api/reports/${encodeURIComponent(reportId)}/print`, '_blank', 'noopener')} data-testid="print-official">打印（正式版）</Button>
          {links.length > 0 ? (
            <Dropdown menu={{ items: links.map((l) => ({ key: l.href, label: l.label, onClick: () => void download(l) })) }}>
              <Button type="primary" loading={busy}>
                下载文件 ▾
              </Button>
            </Dropdown>
          ) : (
            <Button onClick={() => saveHtml(`${fileName}.html`, renderReportHtml(report, { standalone: true, ...(score ? { score } : {}) }))}>下载网页版（可打印）</Button>
          )}
        </Space>
      }
    >
      {open && <iframe className="jx-preview-frame" title="报告预览" sandbox="allow-same-origin" srcDoc={doc} />}
    </Drawer>
  );
}
