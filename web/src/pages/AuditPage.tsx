// 审计日志校验 for the audit administrator: runs the hash-chain verifier and names the first broken link.
import { Alert, Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../api/client';
import { verifyAudit } from '../api/session';
import type { AuditReport } from '../api/types';
import { useSession } from '../session';

export function AuditPage() {
  const { user } = useSession();
  const [result, setResult] = useState<AuditReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await verifyAudit());
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  };

  if (user.kind !== 'auditor')
    return (
      <Card title="系统管理">
        <Typography.Paragraph>
          您的账户（{user.kind === 'sysadmin' ? '系统管理员' : user.kind === 'secadmin' ? '安全管理员' : '业务用户'}）不能查看或修改报告内容。
          {user.kind === 'business' ? '账户尚未分配角色，请联系安全管理员。' : '组织机构与账户请在“组织机构”“账户管理”中维护；审计日志只由审计管理员查阅。'}
        </Typography.Paragraph>
      </Card>
    );

  return (
    <Card title="审计日志校验" extra={<Button type="primary" loading={busy} onClick={run}>校验哈希链</Button>}>
      <Typography.Paragraph type="secondary">
        审计日志逐条以哈希相连，任何一条被修改或删除都会使之后的链条断开。点击“校验哈希链”从头核对全部记录。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      {result && (
        <>
          <Alert
            type={result.ok ? 'success' : 'error'}
            showIcon
            title={result.ok ? `审计日志完整：共 ${result.count} 条记录，哈希链连续。` : `审计日志已被篡改：第 ${result.firstBroken?.seq} 条记录处断开。`}
            description={result.firstBroken?.reason}
            style={{ marginBottom: 16 }}
          />
          <Descriptions bordered size="small" column={1} items={[
            { key: 'count', label: '记录数', children: result.count },
            { key: 'head', label: '最新哈希', children: <code style={{ wordBreak: 'break-all' }}>{result.headHash}</code> },
          ]} />
        </>
      )}
    </Card>
  );
}
