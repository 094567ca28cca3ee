// 绩效看板 for 绩效管理科 and the 归口科室: counts by status, the distribution of self-scores and
// grades, and every report with its department and status.
import { Alert, Card, Col, Empty, Row, Select, Statistic, Table } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../api/client';
import { listReports } from '../api/reports';
import type { ListItem } from '../api/types';
import { Chart } from '../components/dashboard/Chart';
import { canonicalGrade, countByStatus, gradeCounts, scoreBands } from '../components/dashboard/stats';
import { STATUS_COLOR, StatusTag } from '../components/StatusTag';
import { navigate } from '../router';

const GRADE_COLOR: Record<string, string> = { 优秀: '#389e0d', 良好: '#1f5fbf', 合格: '#d48806', 不合格: '#cf1322' };
const COLORS: Record<string, string> = { default: '#8c8c8c', processing: '#1677ff', blue: '#1f5fbf', geekblue: '#2f54eb', success: '#52c41a', error: '#f5222d', purple: '#722ed1' };

export default function DashboardPage() {
  const [items, setItems] = useState<ListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [year, setYear] = useState<number | 'all'>('all');

  useEffect(() => {
    listReports()
      .then(setItems)
      .catch((e: ApiError) => setError(e.message));
  }, []);

  const years = useMemo(() => [...new Set((items ?? []).map((i) => i.year).filter((y): y is number => y != null))].sort((a, b) => b - a), [items]);
  const shown = useMemo(() => (items ?? []).filter((i) => year === 'all' || i.year === year), [items, year]);
  const byStatus = countByStatus(shown);
  const bands = scoreBands(shown);
  const grades = gradeCounts(shown);
  const scored = shown.filter((i) => i.selfScore != null);
  const avg = scored.length ? scored.reduce((a, b) => a + (b.selfScore ?? 0), 0) / scored.length : null;

  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <div className="jx-dashboard">
      <div className="jx-dash-head">
        <h2>绩效看板</h2>
        <Select
          value={year}
          onChange={setYear}
          style={{ width: 140 }}
          aria-label="年度"
          options={[{ value: 'all' as const, label: '全部年度' }, ...years.map((y) => ({ value: y, label: `${y}年度` }))]}
        />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title="报告总数" value={shown.length} suffix="份" /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title="待财政审核" value={shown.filter((i) => i.status === 'submitted' || i.status === 'finance_review').length} suffix="份" /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title="已通过 / 已公开" value={shown.filter((i) => i.status === 'accepted' || i.status === 'published').length} suffix="份" /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title="平均自评得分" value={avg == null ? '—' : avg.toFixed(1)} suffix={avg == null ? '' : '分'} /></Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="按状态统计">
            <Chart
              label="按状态统计的报告数"
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 36, right: 12, top: 16, bottom: 48 },
                xAxis: { type: 'category', data: byStatus.map((s) => s.label), axisLabel: { interval: 0, rotate: 30 } },
                yAxis: { type: 'value', minInterval: 1 },
                series: [{ type: 'bar', name: '报告数', data: byStatus.map((s) => ({ value: s.count, itemStyle: { color: COLORS[STATUS_COLOR[s.status]] ?? '#1f5fbf' } })), barMaxWidth: 36 }],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} lg={7}>
          <Card size="small" title="自评得分分布">
            <Chart
              label="自评得分分布"
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 36, right: 12, top: 16, bottom: 48 },
                xAxis: { type: 'category', data: bands.map((b) => b.label), axisLabel: { interval: 0, rotate: 30 } },
                yAxis: { type: 'value', minInterval: 1 },
                series: [{ type: 'bar', name: '报告数', data: bands.map((b) => b.count), itemStyle: { color: '#1f5fbf' }, barMaxWidth: 36 }],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} lg={7}>
          <Card size="small" title="评价等次">
            {grades.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Chart
                label="评价等次分布"
                option={{
                  tooltip: { trigger: 'item', formatter: '{b}：{c} 份（{d}%）' },
                  legend: { bottom: 0 },
                  series: [
                    {
                      type: 'pie',
                      radius: ['38%', '66%'],
                      center: ['50%', '44%'],
                      data: grades.map((g) => ({ ...g, itemStyle: { color: GRADE_COLOR[g.name] ?? '#98a2b3' } })),
                      label: { formatter: '{b} {c}' },
                    },
                  ],
                }}
              />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title="报告清单">
            <Table<ListItem>
              size="small"
              rowKey="id"
              loading={items === null}
              dataSource={shown}
              pagination={{ pageSize: 15, hideOnSinglePage: true }}
              onRow={(r) => ({ onClick: () => navigate(`/reports/${encodeURIComponent(r.id)}`), style: { cursor: 'pointer' } })}
              columns={[
                { title: '部门（单位）', dataIndex: 'departmentName' },
                { title: '年度', dataIndex: 'year', width: 90, render: (y: number | null) => (y ? `${y}年度` : '—') },
                { title: '状态', dataIndex: 'status', width: 120, render: (s: ListItem['status']) => <StatusTag status={s} /> },
                { title: '自评得分', dataIndex: 'selfScore', width: 100, align: 'right', sorter: (a, b) => (a.selfScore ?? -1) - (b.selfScore ?? -1), render: (s: number | null) => s ?? '—' },
                { title: '评价等次', dataIndex: 'grade', width: 100, render: (g: string, r) => (g ? canonicalGrade(g, r.templateId) : '—') },
                { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第 ${v} 版` },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
