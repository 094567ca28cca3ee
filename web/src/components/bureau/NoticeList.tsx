// 整改通知 as a table: department, title, items and their states, and a link into each notice.
import { Table, Tag } from 'antd';
import type { NoticeView } from '../../api/bureau';
import { formatTime } from '../../lib/time';
import { navigate } from '../../router';

export const ITEM_COLOR: Record<NoticeView['items'][number]['status'], string> = { open: 'orange', answered: 'blue', accepted: 'green', reopened: 'red' };

export function NoticeList({ notices, loading }: { notices: readonly NoticeView[]; loading?: boolean }) {
  const open = (id: string) => navigate(`/rectifications/${encodeURIComponent(id)}`);
  return (
    <Table<NoticeView>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={[...notices]}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      onRow={(n) => ({ onClick: () => open(n.id), style: { cursor: 'pointer' } })}
      locale={{ emptyText: '暂无整改通知' }}
      columns={[
        { title: '部门', dataIndex: 'departmentName', width: 140 },
        { title: '通知', dataIndex: 'title', render: (t: string, n) => <a href={`/rectifications/${n.id}`} onClick={(e) => (e.preventDefault(), open(n.id))}>{t}</a> },
        { title: '依据', dataIndex: 'basisLabel', width: 120 },
        { title: '事项', width: 220, render: (_, n) => n.items.map((i) => <Tag key={i.id} color={ITEM_COLOR[i.status]}>{i.seq}. {i.statusLabel}</Tag>) },
        { title: '状态', dataIndex: 'status', width: 80, render: (s: string) => (s === 'closed' ? <Tag color="green">已办结</Tag> : <Tag color="orange">整改中</Tag>) },
        { title: '下达时间', dataIndex: 'issuedAt', width: 140, render: formatTime },
      ]}
    />
  );
}
