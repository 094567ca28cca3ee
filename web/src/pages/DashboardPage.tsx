// 绩效看板 on real data: completion against the task's roster, grades in one vocabulary (自评 vs 复核),
// self vs computed vs 复核, 偏离度 by 归口科室, score vs 预算执行率, anomalies and year over year for the
// bureau or one department. Every bar, slice and point opens the reports behind it in the list below.
import { Alert, Card, Col, Empty, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { trendOf } from '../../../src/core/bureau/dashboard';
import { deviation, deviationText } from '../../../src/core/bureau/deviation';
import { displayGrade } from '../../../src/core/bureau/grades';
import type { ApiError } from '../api/client';
import { getDashboard, type DashboardData } from '../api/bureau';
import { Chart, type ChartPick } from '../components/dashboard/Chart';
import { completionOption, deviationOption, executionOption, gradesOption, scoresOption, trendOption } from '../components/dashboard/options';
import { StatusTag } from '../components/StatusTag';
import type { ReportStatus } from '../../../src/core/workflow/index';
import { navigate } from '../router';

type Row = DashboardData['reports'][number];
interface Selection {
  title: string;
  reportIds?: readonly string[];
  departmentIds?: readonly string[];
}

const withId = (d: unknown) => (d as { reportId?: string } | null)?.reportId;

export default function DashboardPage() {
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [year, setYear] = useState<number | undefined>(undefined);
  const [department, setDepartment] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  useEffect(() => {
    getDashboard(year).then((d) => (setData(d), setSelection(null))).catch((e: ApiError) => setError(e.message));
  }, [year]);
  const rows = useMemo(() => (data?.reports ?? []).filter((r) => r.year === data?.year), [data]);
  const departments = useMemo(() => [...new Map((data?.reports ?? []).map((r) => [r.departmentId, r.departmentName])).entries()], [data]);
  const trend = useMemo(() => (department ? trendOf((data?.reports ?? []).filter((r) => r.departmentId === department)) : (data?.trend ?? [])), [data, department]);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return <Card loading />;
  const shown = selection ? (data.reports ?? []).filter((r) => selection.reportIds?.includes(r.reportId)) : rows;
  const notReported = selection?.departmentIds?.length && !selection.reportIds?.length;
  const pick = (title: string, reportIds: readonly string[], departmentIds?: readonly string[]) => setSelection({ title, reportIds, departmentIds });
  const avg = (xs: Array<number | null>) => {
    const v = xs.filter((x): x is number => x != null);
    return v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 10) / 10 : null;
  };
  const thisYear = data.trend.find((t) => t.year === data.year);
  const c = data.completion;
  return (
    <div className="jx-dashboard">
      <div className="jx-dash-head">
        <h2>绩效看板</h2>
        <Space>
          <Select value={data.year ?? undefined} onChange={setYear} style={{ width: 140 }} aria-label="年度" options={data.years.map((y) => ({ value: y, label: `${y}年度` }))} />
        </Space>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}><Card size="small"><Statistic title="任务名单" value={c?.total ?? '—'} suffix={c ? '个部门' : ''} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="已报送财政" value={c ? c.reported : rows.length} suffix={c ? `/ ${c.total}` : '份'} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="逾期" value={c?.late ?? 0} valueStyle={{ color: c?.late ? '#cf1322' : undefined }} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="平均自评得分" value={avg(rows.map((r) => r.selfScore)) ?? '—'} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="平均复核得分" value={avg(rows.map((r) => r.reviewScore)) ?? '—'} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="偏离度（复核报告）" value={deviationText(thisYear?.pooledDeviation ?? null)} /></Card></Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="完成情况（按任务名单）">
            {c ? <Chart label="完成情况" option={completionOption(c)} onPick={(p) => { const s = c.byState[p.dataIndex]!; pick(`状态：${s.label}`, s.reportIds, s.departmentIds); }} /> : <Empty description="本年度尚无任务" />}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="评价等次（优/良/中/差）">
            <Chart label="评价等次" option={gradesOption(data.grades)} onPick={(p) => { const g = data.grades[p.dataIndex]!; const b = p.seriesIndex === 0 ? g.self : g.review; pick(`${p.seriesIndex === 0 ? '自评' : '复核'}等次：${g.grade}`, b.reportIds); }} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="自评 vs 复核 / 系统计算">
            <Chart label="自评与复核得分" option={scoresOption(data.scatter)} onPick={(p: ChartPick) => { const id = withId(p.data); if (id) navigate(`/reports/${encodeURIComponent(id)}`); }} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="偏离度（按归口科室）">
            {data.deviationBySection.length ? <Chart label="各科室偏离度" option={deviationOption(data.deviationBySection)} onPick={(p) => { const s = data.deviationBySection[p.dataIndex]!; pick(`偏离度：${s.sectionName}`, s.reportIds); }} /> : <Empty description="尚无复核得分" />}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="得分与预算执行率">
            {data.execution.length ? <Chart label="得分与预算执行率" option={executionOption(data.execution)} onPick={(p) => { const id = withId(p.data); if (id) navigate(`/reports/${encodeURIComponent(id)}`); }} /> : <Empty description="报告未提供调整后预算数" />}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="历年趋势" extra={<Select allowClear placeholder="全局" value={department} onChange={setDepartment} size="small" style={{ width: 150 }} aria-label="部门" options={departments.map(([value, label]) => ({ value, label }))} />}>
            <Chart label="历年趋势" option={trendOption(trend)} onPick={(p) => { const t = trend[p.dataIndex]!; pick(`${t.year}年度${department ? ` · ${departments.find(([d]) => d === department)?.[1]}` : ''}`, t.reportIds); }} />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={`异常（${data.anomalies.length}）`}>
            {data.anomalies.length === 0 ? <Typography.Text type="secondary">未发现异常。</Typography.Text> : data.anomalies.map((a, i) => (
              <div key={i}><a href={`/reports/${a.reportId}`} onClick={(e) => (e.preventDefault(), navigate(`/reports/${encodeURIComponent(a.reportId)}`))}>{a.departmentName}</a>：{a.message}</div>
            ))}
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={selection ? <span>报告清单 · {selection.title} <Tag closable onClose={() => setSelection(null)}>清除筛选</Tag></span> : `报告清单（${data.year ?? ''}年度已报送）`}>
            {notReported ? <Typography.Paragraph type="secondary">这些部门尚未报送财政：{selection!.departmentIds!.length} 个部门（在任务的进度看板中查看）。</Typography.Paragraph> : null}
            <Table<Row>
              size="small"
              rowKey="reportId"
              dataSource={shown}
              pagination={{ pageSize: 15, hideOnSinglePage: true }}
              onRow={(r) => ({ onClick: () => navigate(`/reports/${encodeURIComponent(r.reportId)}`), style: { cursor: 'pointer' } })}
              columns={[
                { title: '部门（单位）', dataIndex: 'departmentName' },
                { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y}年度` },
                { title: '状态', dataIndex: 'status', width: 110, render: (s: string) => <StatusTag status={s as ReportStatus} /> },
                { title: '自评', dataIndex: 'selfScore', width: 70, align: 'right', sorter: (a, b) => (a.selfScore ?? -1) - (b.selfScore ?? -1), render: (s: number | null) => s ?? '—' },
                { title: '计算', dataIndex: 'computedScore', width: 70, align: 'right', render: (s: number | null) => s ?? '—' },
                { title: '复核', dataIndex: 'reviewScore', width: 70, align: 'right', sorter: (a, b) => (a.reviewScore ?? -1) - (b.reviewScore ?? -1), render: (s: number | null) => s ?? '—' },
                { title: '偏离度', width: 90, align: 'right', render: (_, r) => deviationText(deviation(r.selfScore, r.reviewScore)) },
                { title: '自评等次', dataIndex: 'claimedGrade', width: 90, render: (g: string, r) => displayGrade(g, r.templateId) || '—' },
                { title: '执行率', dataIndex: 'executionRate', width: 80, align: 'right', render: (v: number | null) => (v == null ? '—' : `${v}%`) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
