// 项目支出绩效自评: on a 部门整体 report, the same department's project tables of the year, each with what it
// claims and what Jixiao computes for it, opening the table on a click.
import { Card, Table, Typography } from 'antd';
import type { ProjectSummary } from '../../api/types';
import { navigate } from '../../router';
import { StatusTag } from '../StatusTag';

const open = (id: string) => navigate(`/reports/${encodeURIComponent(id)}`);

export function ProjectsPanel({ projects, year }: { projects: readonly ProjectSummary[]; year: number | null | undefined }) {
  return (
    <Card id="sec-projects" className="jx-section" size="small" title="本部门项目支出绩效自评">
      {projects.length === 0 ? (
        <Typography.Text type="secondary">{year ? `${year}年度` : '本年度'}尚无本部门的项目支出绩效自评表。</Typography.Text>
      ) : (
        <Table<ProjectSummary>
          size="small"
          rowKey="reportId"
          pagination={false}
          dataSource={[...projects]}
          columns={[
            {
              title: '项目',
              key: 'name',
              render: (_, p) => (
                <a href={`/reports/${encodeURIComponent(p.reportId)}`} onClick={(e) => (e.preventDefault(), open(p.reportId))}>
                  {p.name || '（未命名项目）'}
                </a>
              ),
            },
            { title: '实施单位', dataIndex: 'implementer' },
            { title: '全年预算（万元）', dataIndex: 'budget', align: 'right' },
            { title: '全年执行（万元）', dataIndex: 'executed', align: 'right' },
            { title: '自评总分', dataIndex: 'claimed', align: 'right' },
            { title: '计算得分', key: 'total', align: 'right', render: (_, p) => (p.total == null ? '数据不足' : `${p.total}（${p.grade ?? ''}）`) },
            { title: '状态', key: 'status', render: (_, p) => <StatusTag status={p.status} /> },
          ]}
        />
      )}
    </Card>
  );
}
