// 抽查: the bureau sets the risk weights, the size (count or percentage) and the random share, previews
// the draw, and stores it with its seed; each pick shows why. Picks can be added or dropped with a
// reason. The same inputs and seed always give the same sample (core/bureau/sampling.ts).
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { DEFAULT_WEIGHTS, RISK_FACTORS, RISK_FACTOR_LABEL, type RiskWeights } from '../../../../src/core/bureau/sampling';
import type { ApiError } from '../../api/client';
import { adjustSample, drawSample, getSample, type Board, type SampleView } from '../../api/bureau';
import { navigate } from '../../router';
import { ReasonDialog } from './ReasonDialog';

type Pick = SampleView['picks'][number];
const SOURCE: Record<Pick['source'], { label: string; color: string }> = { risk: { label: '风险', color: 'red' }, random: { label: '随机', color: 'blue' }, manual: { label: '手工', color: 'gold' } };

export function SamplePanel({ board, canEdit, onChanged }: { board: Board; canEdit: boolean; onChanged: () => void }) {
  const { message } = App.useApp();
  const taskId = board.task.id;
  const [stored, setStored] = useState<SampleView | null | undefined>(undefined);
  const [preview, setPreview] = useState<SampleView | null>(null);
  const [by, setBy] = useState<'size' | 'percent'>('size');
  const [size, setSize] = useState(3);
  const [percent, setPercent] = useState(20);
  const [randomShare, setRandomShare] = useState(0.3);
  const [seed, setSeed] = useState('');
  const [weights, setWeights] = useState<RiskWeights>({ ...DEFAULT_WEIGHTS });
  const [adjust, setAdjust] = useState<{ departmentId: string; reportId: string; name: string; action: 'add' | 'drop' } | null>(null);
  useEffect(() => {
    getSample(taskId).then((s) => {
      setStored(s);
      if (s) {
        setWeights({ ...DEFAULT_WEIGHTS, ...(s.params.weights as Partial<RiskWeights>) });
        setRandomShare(s.params.randomShare);
        setSeed(s.seed);
        if (s.params.percent != null) (setBy('percent'), setPercent(s.params.percent));
        else if (s.params.size != null) setSize(s.params.size);
      }
    }).catch((e: ApiError) => message.error(e.message));
  }, [taskId, message]);
  const input = (dryRun: boolean) => ({ ...(by === 'size' ? { size } : { percent }), randomShare, weights, ...(seed.trim() ? { seed: seed.trim() } : {}), dryRun });
  const run = async (dryRun: boolean) => {
    try {
      const s = await drawSample(taskId, input(dryRun));
      if (dryRun) setPreview(s);
      else {
        setStored(s);
        setPreview(null);
        setSeed(s.seed);
        message.success(`已保存抽查样本（种子“${s.seed}”）`);
        onChanged();
      }
    } catch (e) {
      message.error((e as ApiError).message);
    }
  };
  const shown = preview ?? stored;
  const eligible = board.items.filter((i) => i.canOpen && i.reportId && !shown?.picks.some((p) => p.reportId === i.reportId && !p.dropped));
  // a 项目支出 task's picks are project tables: the department's name alone does not say which
  const label = (departmentName: string, projectName: string | null) => (projectName == null ? departmentName : `${departmentName}·${projectName || '未填写项目名称'}`);
  return (
    <div className="jx-sample">
      {canEdit && (
        <Card size="small" title="抽查参数" style={{ marginBottom: 12 }}>
          <Form layout="inline" style={{ rowGap: 8 }}>
            <Form.Item label="抽查">
              <Radio.Group value={by} onChange={(e) => setBy(e.target.value)}>
                <Radio value="size">按数量</Radio>
                <Radio value="percent">按比例</Radio>
              </Radio.Group>
            </Form.Item>
            {by === 'size' ? (
              <Form.Item label="数量"><InputNumber min={1} value={size} onChange={(v) => v && setSize(v)} suffix="份" aria-label="抽查数量" /></Form.Item>
            ) : (
              <Form.Item label="比例"><InputNumber min={1} max={100} value={percent} onChange={(v) => v && setPercent(v)} suffix="%" aria-label="抽查比例" /></Form.Item>
            )}
            <Form.Item label="随机抽取占比"><InputNumber min={0} max={1} step={0.1} value={randomShare} onChange={(v) => v != null && setRandomShare(v)} aria-label="随机抽取占比" /></Form.Item>
            <Form.Item label="随机种子"><Input value={seed} onChange={(e) => setSeed(e.target.value)} placeholder="留空自动生成并记录" aria-label="随机种子" style={{ width: 180 }} /></Form.Item>
          </Form>
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 4px' }}>风险因素权重（0 为不考虑）：</Typography.Paragraph>
          <Space wrap>
            {RISK_FACTORS.map((f) => (
              <span key={f}>
                {RISK_FACTOR_LABEL[f]}：
                <InputNumber size="small" min={0} max={100} value={weights[f]} onChange={(v) => setWeights((w) => ({ ...w, [f]: v ?? 0 }))} aria-label={`权重：${RISK_FACTOR_LABEL[f]}`} style={{ width: 64 }} />
              </span>
            ))}
          </Space>
          <div style={{ marginTop: 12 }}>
            <Space>
              <Button onClick={() => void run(true)}>预览</Button>
              <Button type="primary" onClick={() => void run(false)} data-testid="save-sample">{stored ? '重新抽取并保存' : '保存样本'}</Button>
            </Space>
          </div>
        </Card>
      )}
      {preview && <Alert type="warning" showIcon title="以下为预览，尚未保存" style={{ marginBottom: 12 }} />}
      {shown === undefined ? null : !shown ? (
        <Empty description="尚未抽取样本" />
      ) : (
        <>
          <Descriptions size="small" column={4} style={{ marginBottom: 8 }} items={[
            { key: 'seed', label: '随机种子', children: <Typography.Text code copyable>{shown.seed}</Typography.Text> },
            { key: 'n', label: '候选报告', children: `${shown.candidates} 份（已报送财政）` },
            { key: 'picks', label: '抽中', children: `${shown.picks.filter((p) => !p.dropped).length} 份` },
            { key: 'at', label: '保存于', children: shown.updatedAt ?? '（未保存）' },
          ]} />
          <Table<Pick>
            rowKey="reportId"
            size="small"
            pagination={false}
            dataSource={shown.picks}
            data-testid="sample-picks"
            rowClassName={(p) => (p.dropped ? 'jx-dropped' : '')}
            columns={[
              { title: '部门', dataIndex: 'departmentName', width: 160, render: (n: string, p) => <a href={`/reports/${p.reportId}`} onClick={(e) => (e.preventDefault(), navigate(`/reports/${encodeURIComponent(p.reportId)}`))}>{label(n, p.projectName)}</a> },
              { title: '来源', dataIndex: 'source', width: 70, render: (s: Pick['source']) => <Tag color={SOURCE[s].color}>{SOURCE[s].label}</Tag> },
              { title: '风险得分', dataIndex: 'risk', width: 80, align: 'right' },
              { title: '理由', dataIndex: 'reasons', render: (r: string[], p) => <div>{r.map((x, i) => <div key={i}>{x}</div>)}{p.note && <Typography.Text type="warning">{p.note}</Typography.Text>}</div> },
              ...(canEdit && !preview ? [{ title: '', width: 70, render: (_: unknown, p: Pick) => (p.dropped ? <Tag>已剔除</Tag> : <Button size="small" type="link" danger onClick={() => setAdjust({ departmentId: p.departmentId, reportId: p.reportId, name: label(p.departmentName, p.projectName), action: 'drop' })}>剔除</Button>) }] : []),
            ]}
          />
          {canEdit && !preview && stored && eligible.length > 0 && (
            <Space style={{ marginTop: 8 }}>
              <span>手工增加：</span>
              {eligible.map((i) => <Button key={i.reportId} size="small" onClick={() => setAdjust({ departmentId: i.departmentId, reportId: i.reportId!, name: label(i.departmentName, i.projectName), action: 'add' })}>{label(i.departmentName, i.projectName)}</Button>)}
            </Space>
          )}
          {preview && preview.ranked.length > 0 && (
            <Card size="small" title="全部候选的风险得分" style={{ marginTop: 12 }}>
              <Table size="small" rowKey="reportId" pagination={false} dataSource={preview.ranked}
                columns={[{ title: '部门', dataIndex: 'departmentName', width: 160, render: (n: string, r) => label(n, r.projectName) }, { title: '风险得分', dataIndex: 'risk', width: 90 }, { title: '因素', dataIndex: 'reasons', render: (r: string[]) => r.join('；') }]} />
            </Card>
          )}
        </>
      )}
      <ReasonDialog
        open={!!adjust}
        title={adjust ? `${adjust.action === 'add' ? '增加' : '剔除'}抽查对象：${adjust.name}` : ''}
        okText={adjust?.action === 'add' ? '增加' : '剔除'}
        danger={adjust?.action === 'drop'}
        onCancel={() => setAdjust(null)}
        onSubmit={async (reason) => {
          try {
            setStored(await adjustSample(taskId, { departmentId: adjust!.departmentId, reportId: adjust!.reportId }, adjust!.action, reason));
            setAdjust(null);
            onChanged();
          } catch (e) {
            message.error((e as ApiError).message);
          }
        }}
      />
    </div>
  );
}
