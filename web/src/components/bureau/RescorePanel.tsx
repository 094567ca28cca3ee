// 复核: per 评分表 line the department's 自评, the score Jixiao computes and the bureau's 复核 with the
// reason for each change; the 复核得分/等次 and 偏离度 = (自评 − 复核) / 复核 beside the claim, which stays as
// the department wrote it. 归口科室 and 绩效管理科 edit (also for a commissioned third party); the
// department reads the result once its report is accepted.
import { Alert, App, Button, Descriptions, Drawer, Empty, Input, InputNumber, Select, Space, Spin, Table, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { deviation, deviationText } from '../../../../src/core/bureau/deviation';
import type { ApiError } from '../../api/client';
import { getRescore, saveRescore, type RescoreView } from '../../api/bureau';

type Line = RescoreView['sheet']['lines'][number];
type Kind = 'reviewer' | 'perf_admin' | 'third_party';

export function RescorePanel({ reportId, onSaved }: { reportId: string; onSaved?: (v: RescoreView) => void }) {
  const { message } = App.useApp();
  const [view, setView] = useState<RescoreView | null>(null);
  const [missing, setMissing] = useState(false);
  const [scores, setScores] = useState<Record<string, number | null>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [opinion, setOpinion] = useState('');
  const [kind, setKind] = useState<Kind>('reviewer');
  const [thirdParty, setThirdParty] = useState('');
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const adopt = useCallback((v: RescoreView) => {
    setView(v);
    setScores(Object.fromEntries(v.sheet.lines.map((l) => [l.itemId, l.review])));
    setReasons(Object.fromEntries(v.sheet.lines.map((l) => [l.itemId, l.reason])));
    setOpinion(v.rescore?.opinion ?? '');
    setKind(v.rescore?.reviewerKind ?? 'reviewer');
    setThirdParty(v.rescore?.thirdParty ?? '');
  }, []);
  useEffect(() => {
    getRescore(reportId).then(adopt).catch((e: ApiError) => {
      if (e.status === 404) setMissing(true);
      else message.error(e.message);
    });
  }, [reportId, adopt, message]);
  const lines = view?.sheet.lines ?? [];
  const total = useMemo(() => (lines.length && lines.every((l) => scores[l.itemId] != null) ? Math.round(lines.reduce((s, l) => s + (scores[l.itemId] ?? 0) * 100, 0)) / 100 : null), [lines, scores]);
  if (missing) return <Empty description="报告审核通过后可查看复核结果" />;
  if (!view) return <Spin />;
  const edit = view.canEdit;
  const changed = (l: Line) => scores[l.itemId] != null && l.baseline != null && scores[l.itemId] !== l.baseline;
  const needReason = lines.filter((l) => changed(l) && !(reasons[l.itemId] ?? '').trim());
  const save = async () => {
    setBusy(true);
    try {
      const v = await saveRescore(reportId, view.rescore?.version ?? 0, {
        items: lines.map((l) => ({ itemId: l.itemId, score: scores[l.itemId] ?? null, reason: reasons[l.itemId] ?? '' })),
        opinion, reviewerKind: kind, ...(kind === 'third_party' ? { thirdParty } : {}),
      });
      adopt(v);
      message.success(v.sheet.complete ? `已保存复核：${v.sheet.total}分（${v.sheet.grade}）` : '已保存复核（尚有未评分的项目）');
      onSaved?.(v);
    } catch (e) {
      message.error({ content: (e as ApiError).message, duration: 8 });
    } finally {
      setBusy(false);
    }
  };
  const s = view.sheet;
  const shownTotal = edit ? total : s.total;
  const summary = (
    <Descriptions size="small" column={2} bordered items={[
      { key: 'self', label: '自评得分', children: s.selfTotal ?? '—' },
      { key: 'computed', label: '系统计算', children: s.computedTotal ?? '不完整' },
      { key: 'review', label: '复核得分', children: <b data-testid="rescore-total">{shownTotal ?? '—'}</b> },
      { key: 'dev', label: '偏离度', children: <span data-testid="rescore-deviation">{deviationText(deviation(s.selfTotal, shownTotal))}</span> },
    ]} />
  );
  return (
    <div className="jx-rescore" data-testid="rescore">
      {summary}
      {s.complete && s.grade && <Typography.Paragraph style={{ marginTop: 8 }}>复核等次：<b>{s.grade}</b>（部门自评等次不变）</Typography.Paragraph>}
      {!s.complete && view.rescore && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>复核尚未完成：还有 {lines.filter((l) => l.review == null).length} 项未评分。</Typography.Paragraph>}
      {opinion && <Typography.Paragraph style={{ marginTop: 8 }}>复核意见：{opinion}{view.rescore?.reviewerKind === 'third_party' ? `（受托第三方：${view.rescore.thirdParty}）` : ''}</Typography.Paragraph>}
      <Button type={edit ? 'primary' : 'default'} style={{ marginTop: 8 }} onClick={() => setOpen(true)} data-testid="open-rescore">{edit ? '逐项复核评分' : '查看逐项复核'}</Button>
      <Drawer open={open} onClose={() => setOpen(false)} title="复核评分（逐项：自评、系统计算、复核）" size={1000} destroyOnHidden={false}>
      {summary}
      <Table<Line>
        rowKey="itemId"
        size="small"
        pagination={false}
        dataSource={lines}
        style={{ marginTop: 8 }}
        columns={[
          { title: '评分项目', dataIndex: 'name', render: (n: string, l) => <span title={l.explanation}>{l.path.slice(0, -1).join(' / ')}{l.path.length > 1 ? ' / ' : ''}<b>{n}</b><Typography.Text type="secondary">（{l.weight}分）</Typography.Text></span> },
          { title: '自评', dataIndex: 'self', width: 60, render: (v: number | null) => v ?? '—' },
          { title: '系统计算', dataIndex: 'computed', width: 80, render: (v: number | null, l) => <span title={l.explanation}>{v ?? '数据不足'}</span> },
          {
            title: '复核', width: 96,
            render: (_, l) => (edit ? (
              <InputNumber size="small" min={0} max={l.weight} step={0.5} value={scores[l.itemId]} onChange={(v) => setScores((x) => ({ ...x, [l.itemId]: v ?? null }))} aria-label={`复核得分：${l.name}`} style={{ width: 80 }} />
            ) : (scores[l.itemId] ?? '—')),
          },
          {
            title: '调整理由', width: 240,
            render: (_, l) => (edit ? (
              <Input size="small" value={reasons[l.itemId]} onChange={(e) => setReasons((x) => ({ ...x, [l.itemId]: e.target.value }))} status={changed(l) && !(reasons[l.itemId] ?? '').trim() ? 'error' : undefined}
                placeholder={changed(l) ? '须写明理由' : ''} aria-label={`调整理由：${l.name}`} />
            ) : reasons[l.itemId] || ''),
          },
          { title: '偏离度', width: 80, render: (_, l) => deviationText(deviation(l.self, scores[l.itemId] ?? null)) },
        ]}
      />
      {edit && (
        <div style={{ marginTop: 12 }}>
          <Input.TextArea value={opinion} onChange={(e) => setOpinion(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} placeholder="复核意见（审核通过时写入财政部门意见）" aria-label="复核意见" />
          <Space style={{ marginTop: 8 }} wrap>
            <Select<Kind> value={kind} onChange={setKind} style={{ width: 150 }} aria-label="复核方" options={[{ value: 'reviewer', label: '归口业务科室' }, { value: 'perf_admin', label: '绩效管理科' }, { value: 'third_party', label: '受托第三方' }]} />
            {kind === 'third_party' && <Input value={thirdParty} onChange={(e) => setThirdParty(e.target.value)} placeholder="第三方机构名称" style={{ width: 200 }} aria-label="第三方机构名称" />}
            <Button type="primary" loading={busy} disabled={needReason.length > 0} onClick={() => void save()} data-testid="save-rescore">保存复核</Button>
          </Space>
          {needReason.length > 0 && <Alert type="warning" showIcon title={`有 ${needReason.length} 项复核得分与自评（或系统计算）不同，须写明调整理由`} style={{ marginTop: 8 }} />}
        </div>
      )}
      </Drawer>
    </div>
  );
}
