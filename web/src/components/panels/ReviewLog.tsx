// 审核记录: every return with its reason and cells, and the waivers written at the last submission.
import { Button, Empty, Timeline, Typography } from 'antd';
import type { ReportView } from '../../api/types';

function when(iso?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { hour12: false });
}

export function ReviewLog({ view, describe, onJump }: { view: ReportView; describe: (p: string) => string; onJump: (p: string) => void }) {
  const returns = [...(view.returns ?? [])].sort((a, b) => b.version - a.version);
  const waivers = view.waivers ?? [];
  if (!returns.length && !waivers.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无退回或豁免记录" />;
  return (
    <div className="jx-review-log">
      {returns.length > 0 && (
        <>
          <Typography.Title level={5}>退回记录</Typography.Title>
          <Timeline
            items={returns.map((r, i) => ({
              color: 'red',
              content: (
                <div key={i}>
                  <div className="jx-muted">
                    第 {r.version} 版 · {r.role === 'reviewer' ? '财政归口业务科室' : '部门负责人'} · {when(r.createdAt)}
                  </div>
                  <div>{r.reason}</div>
                  {r.paths.map((p) => (
                    <Button key={p} size="small" type="link" style={{ paddingInline: 0, marginRight: 8 }} onClick={() => onJump(p)}>
                      {describe(p)}
                    </Button>
                  ))}
                </div>
              ),
            }))}
          />
        </>
      )}
      {waivers.length > 0 && (
        <>
          <Typography.Title level={5}>提交时的豁免（{waivers.length} 项）</Typography.Title>
          <ul className="jx-waiver-list">
            {waivers.map((w, i) => (
              <li key={i}>
                <a onClick={() => onJump(w.path)}>{describe(w.path)}</a>（{w.code}）
                <div>理由：{w.reason}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
