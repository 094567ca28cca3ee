// 哈希链校验: runs the verifier; when a chain is broken, 定位到断点 shows the log around the first broken link.
import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { verifyAudit } from '../../api/audit';
import type { ApiError } from '../../api/client';
import type { AuditReport } from '../../api/types';

type Broken = NonNullable<AuditReport['firstBroken']>;

export function ChainCheck({ onLocate }: { onLocate(broken: Broken): void }) {
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
  const broken = result?.firstBroken ?? null;
  // a broken checkpoint file names a line of that file, not an entry of the log
  const locatable = broken !== null && result?.chains.some((c) => c.chain === broken.chain);

  return (
    <>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button loading={busy} onClick={run}>
          校验哈希链
        </Button>
        <Typography.Text type="secondary">审计日志逐条以哈希相连，任何一条被修改或删除都会使之后的链条断开。</Typography.Text>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {result && (
        <>
          <Alert
            type={result.ok ? 'success' : 'error'}
            showIcon
            title={result.ok ? `审计日志完整：共 ${result.count} 条记录，哈希链连续。` : `审计日志已被篡改：链 ${broken?.chain} 第 ${broken?.seq} 条记录处断开。`}
            description={broken?.reason}
            action={
              locatable ? (
                <Button size="small" danger onClick={() => onLocate(broken!)}>
                  定位到断点
                </Button>
              ) : undefined
            }
            style={{ marginBottom: 12 }}
          />
          <Descriptions
            bordered
            size="small"
            column={1}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'count', label: '记录数', children: result.count },
              { key: 'head', label: '最新哈希', children: <code style={{ wordBreak: 'break-all' }}>{result.headHash}</code> },
            ]}
          />
        </>
      )}
    </>
  );
}
