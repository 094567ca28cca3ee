// 审计日志 for the audit administrator: read the log (filters, server pages, export) and verify its hash
// chain, jumping to the first broken link. Other 三员 and business users without a role see what they may do.
import { Alert, Button, Card, Dropdown, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { AUDIT_EXPORT_FORMATS, auditExportLink, searchAudit } from '../api/audit';
import type { ApiError } from '../api/client';
import { downloadExport } from '../api/exports';
import type { AuditEntry, AuditFilter } from '../api/types';
import { AuditFilters } from '../components/audit/AuditFilters';
import { AuditLogTable, PAGE_SIZES } from '../components/audit/AuditLogTable';
import { ChainCheck } from '../components/audit/ChainCheck';
import { useSession } from '../session';

function AuditLog() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [objectLabel, setObjectLabel] = useState<string | null>(null);
  const [marked, setMarked] = useState<{ chain: string; chainSeq: number } | null>(null);
  const [pageSize, setPageSize] = useState<number>(PAGE_SIZES[0]);
  // cursors[i] is the `before` of page i + 1 (undefined: the newest)
  const [cursors, setCursors] = useState<Array<number | undefined>>([undefined]);
  const [data, setData] = useState<{ items: AuditEntry[]; nextBefore: number | null }>({ items: [], nextBefore: null });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const before = cursors.at(-1);

  // the latest query wins: an earlier answer arriving late is dropped
  const latest = useRef(0);
  const load = useCallback(async () => {
    const n = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      const page = await searchAudit(filter, { limit: pageSize, before });
      if (n === latest.current) setData(page);
    } catch (err) {
      if (n === latest.current) setError((err as ApiError).message);
    } finally {
      if (n === latest.current) setLoading(false);
    }
  }, [filter, pageSize, before]);
  useEffect(() => void load(), [load]);

  const apply = (next: AuditFilter, label: string | null = null) => {
    setFilter(next);
    setObjectLabel(label);
    setCursors([undefined]);
    if (!next.chain) setMarked(null);
  };
  const exportAs = async (format: (typeof AUDIT_EXPORT_FORMATS)[number]['format']) => {
    try {
      await downloadExport(auditExportLink(filter, format));
    } catch (err) {
      setError((err as ApiError).message);
    }
  };

  return (
    <Card
      title="审计日志"
      extra={
        <Dropdown menu={{ items: AUDIT_EXPORT_FORMATS.map((f) => ({ key: f.format, label: f.label })), onClick: ({ key }) => void exportAs(key as (typeof AUDIT_EXPORT_FORMATS)[number]['format']) }}>
          <Button>导出当前查询</Button>
        </Dropdown>
      }
    >
      <ChainCheck
        onLocate={(b) => {
          // newest first, ending a few entries after the break: the broken entry and those before it in view
          apply({ chain: b.chain, chainSeqTo: b.seq + 2 });
          setMarked({ chain: b.chain, chainSeq: b.seq });
        }}
      />
      <AuditFilters value={filter} objectLabel={objectLabel} onChange={(f) => apply(f, f.objectId === filter.objectId ? objectLabel : null)} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <AuditLogTable
        items={data.items}
        loading={loading}
        page={cursors.length}
        pageSize={pageSize}
        hasNext={data.nextBefore !== null}
        marked={marked}
        onPage={(d) => setCursors((c) => (d === 'next' ? [...c, data.nextBefore ?? undefined] : c.slice(0, -1)))}
        onPageSize={(n) => {
          setPageSize(n);
          setCursors([undefined]);
        }}
        onObject={(e) => apply({ ...filter, objectType: e.objectType ?? undefined, objectId: e.objectId ?? undefined }, e.objectLabel ?? e.objectId)}
      />
    </Card>
  );
}

export function AuditPage() {
  const { user } = useSession();
  if (user.kind !== 'auditor')
    return (
      <Card title="系统管理">
        <Typography.Paragraph>
          您的账户（{user.kind === 'sysadmin' ? '系统管理员' : user.kind === 'secadmin' ? '安全管理员' : '业务用户'}）不能查看或修改报告内容。
          {user.kind === 'business' ? '账户尚未分配角色，请联系安全管理员。' : '组织机构与账户请在“组织机构”“账户管理”中维护；审计日志只由审计管理员查阅。'}
        </Typography.Paragraph>
      </Card>
    );
  return <AuditLog />;
}
