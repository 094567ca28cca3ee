// The dashboard's chart options from the server's figures (core/bureau/dashboard.ts). Each data item
// carries the report ids it stands for, so a click can list them.
import type { EChartsCoreOption } from 'echarts/core';
import { STATE_COLOR } from '../bureau/state-color';
import type { DashboardData } from '../../api/bureau';

const PALETTE: Record<string, string> = { default: '#8c8c8c', gold: '#d48806', processing: '#1677ff', blue: '#1f5fbf', geekblue: '#2f54eb', error: '#f5222d', success: '#52c41a', purple: '#722ed1' };
const GRADE_COLOR: Record<string, string> = { 优: '#389e0d', 良: '#1f5fbf', 中: '#d48806', 差: '#cf1322' };
const pct = (v: number | null) => (v == null ? null : Math.round(v * 10000) / 100);
const grid = { left: 44, right: 16, top: 28, bottom: 44 };

export function completionOption(c: NonNullable<DashboardData['completion']>): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    grid,
    xAxis: { type: 'category', data: c.byState.map((s) => s.label), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: '部门数', barMaxWidth: 36, data: c.byState.map((s) => ({ value: s.count, itemStyle: { color: PALETTE[STATE_COLOR[s.state]] } })) }],
  };
}

export function gradesOption(g: DashboardData['grades']): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: g.map((x) => x.grade) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: '自评等次', barMaxWidth: 28, data: g.map((x) => ({ value: x.self.count, itemStyle: { color: GRADE_COLOR[x.grade] ?? '#98a2b3' } })) },
      { type: 'bar', name: '复核等次', barMaxWidth: 28, data: g.map((x) => ({ value: x.review.count, itemStyle: { color: GRADE_COLOR[x.grade] ?? '#98a2b3', opacity: 0.55 } })) },
    ],
  };
}

export function scoresOption(points: DashboardData['scatter']): EChartsCoreOption {
  const pt = (key: 'computed' | 'review') => points.filter((p) => p[key] != null).map((p) => ({ value: [p.self, p[key]], name: p.departmentName, reportId: p.reportId }));
  return {
    tooltip: { trigger: 'item', formatter: (p: { data: { name: string; value: number[] }; seriesName: string }) => `${p.data.name}<br/>自评 ${p.data.value[0]} · ${p.seriesName} ${p.data.value[1]}` },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'value', name: '自评', min: 50, max: 100 },
    yAxis: { type: 'value', name: '复核 / 计算', min: 0, max: 100 },
    series: [
      { type: 'scatter', name: '复核得分', symbolSize: 12, data: pt('review'), markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#bbb' }, data: [[{ coord: [50, 50] }, { coord: [100, 100] }]] } },
      { type: 'scatter', name: '系统计算', symbolSize: 9, symbol: 'diamond', data: pt('computed') },
    ],
  };
}

export function deviationOption(rows: DashboardData['deviationBySection']): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
    grid,
    xAxis: { type: 'category', data: rows.map((r) => r.sectionName) },
    yAxis: { type: 'value', name: '偏离度 %' },
    series: [{ type: 'bar', name: '偏离度', barMaxWidth: 40, data: rows.map((r) => ({ value: pct(r.pooled), itemStyle: { color: (r.pooled ?? 0) > 0 ? '#cf1322' : '#389e0d' } })) }],
  };
}

export function executionOption(rows: DashboardData['execution']): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: (p: { data: { name: string; value: number[] } }) => `${p.data.name}<br/>执行率 ${p.data.value[0]}% · 得分 ${p.data.value[1]}` },
    grid,
    xAxis: { type: 'value', name: '预算执行率 %', min: 40, max: 110 },
    yAxis: { type: 'value', name: '得分', min: 50, max: 100 },
    series: [{ type: 'scatter', symbolSize: 12, data: rows.map((r) => ({ value: [r.rate, r.score], name: r.departmentName, reportId: r.reportId, itemStyle: { color: GRADE_COLOR[r.grade ?? ''] ?? '#98a2b3' } })) }],
  };
}

export function trendOption(rows: DashboardData['trend']): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { ...grid, right: 48 },
    xAxis: { type: 'category', data: rows.map((r) => `${r.year}`) },
    yAxis: [{ type: 'value', name: '平均分', min: 50, max: 100 }, { type: 'value', name: '偏离度 %' }],
    series: [
      { type: 'line', name: '平均自评', data: rows.map((r) => r.avgSelf) },
      { type: 'line', name: '平均复核', data: rows.map((r) => r.avgReview) },
      { type: 'bar', name: '偏离度', yAxisIndex: 1, barMaxWidth: 24, data: rows.map((r) => pct(r.pooledDeviation)), itemStyle: { color: '#faad14', opacity: 0.6 } },
    ],
  };
}
