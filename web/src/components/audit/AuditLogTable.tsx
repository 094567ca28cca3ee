// The audit log, newest first, a page at a time from the server (a seq cursor: 上一页 goes back through
// the cursors already seen). A row opens to its full detail and hash; "只看此对象" narrows the log to what
// the row points at, e.g. every change to one report.
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AuditEntry } from '../../api/types';
import { formatTime } from '../../lib/time';
import { auditRoleText } from '../../lib/user';
import { AUDIT_OBJECT_LABEL } from '../../../../src/core/audit/events';

export const PAGE_SIZES = [50, 100, 200] as const;

export interface AuditLogTableProps {
  items: AuditEntry[];
  loading: boolean;
  page: number;
  pageSize: number;
  hasNext: boolean;
  /** the entry to mark (the first broken link) */
  marked?: { chain: string; chainSeq: number } | null;
  onPage(direction: 'prev' | 'next'): void;
  onPageSize(size: number): void;
  onObject(entry: AuditEntry): void;
}

function objectCell(e: AuditEntry, onObject: (e: AuditEntry) => void) {
  if (!e.objectType) return <Typography.Text type="secondary">—</Typography.Text>;
  const kind = AUDIT_OBJECT_LABEL[e.objectType] ?? e.objectType;
  return (
    <Space orientation="vertical" size={0}>
      <span>
        {e.objectLabel ?? kind}
        {e.version != null && <Typography.Text type="secondary">（第 {e.version} 版）</Typography.Text>}
      </span>
      {e.objectId && (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onObject(e)}>
          只看此{kind}
        </Button>
      )}
    </Space>
  );
}

export function AuditLogTable({ items, loading, page, pageSize, hasNext, marked, onPage, onPageSize, onObject }: AuditLogTableProps) {
  const columns: ColumnsType<AuditEntry> = [
    { title: '时间', dataIndex: 'ts', width: 150, render: (ts: string) => formatTime(ts) },
    {
      title: '用户',
      width: 140,
      render: (_, e) => (e.actorUsername ? <span>{e.actorUsername}{e.actorRole && <Typography.Text type="secondary">（{auditRoleText(e.actorRole)}）</Typography.Text>}</span> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { title: '事件', width: 170, render: (_, e) => <span title={e.event}>{e.eventLabel}</span> },
    { title: '对象', render: (_, e) => objectCell(e, onObject) },
    { title: '结果', dataIndex: 'outcome', width: 70, render: (o: AuditEntry['outcome']) => (o === 'success' ? <Tag color="green">成功</Tag> : <Tag color="red">失败</Tag>) },
    { title: '地址', dataIndex: 'ip', width: 120, render: (ip: string | null) => ip ?? '—' },
    // the chain's own numbering, as the verifier names a broken link; the chain itself is in the detail
    { title: '序号', width: 70, render: (_, e) => <span data-testid="audit-chain-seq">{e.chainSeq ?? e.seq}</span> },
  ];
  const isMarked = (e: AuditEntry) => marked != null && e.chain === marked.chain && (e.chainSeq ?? e.seq) === marked.chainSeq;

  return (
    <>
      <Table<AuditEntry>
        size="small"
        rowKey="seq"
        loading={loading}
        columns={columns}
        dataSource={items}
        pagination={false}
        scroll={{ x: 960 }}
        rowClassName={(e) => (isMarked(e) ? 'jx-audit-broken' : '')}
        expandable={{
          expandedRowRender: (e) => (
            <div data-testid={`audit-detail-${e.seq}`}>
              <pre className="jx-audit-detail">{typeof e.detail === 'string' ? e.detail : JSON.stringify(e.detail, null, 2)}</pre>
              <Typography.Text type="secondary" copyable={{ text: e.hash }}>
                事件代码 {e.event} · 链 {e.chain} · 全局序号 {e.seq} · 哈希 {e.hash.slice(0, 16)}…
              </Typography.Text>
            </div>
          ),
        }}
        locale={{ emptyText: '没有符合条件的记录' }}
      />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={page === 1 || loading} onClick={() => onPage('prev')}>
          上一页
        </Button>
        <span data-testid="audit-page">第 {page} 页</span>
        <Button disabled={!hasNext || loading} onClick={() => onPage('next')}>
          下一页
        </Button>
        <Select aria-label="每页条数" value={pageSize} style={{ width: 110 }} options={PAGE_SIZES.map((n) => ({ value: n, label: `每页 ${n} 条` }))} onChange={onPageSize} />
      </Space>
    </>
  );
}
