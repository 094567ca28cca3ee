// 恢复码: shown once, right after the second factor is set up or the codes are renewed. The user copies or
// downloads them and says so before going on.
import { Alert, Button, Checkbox, Space } from 'antd';
import { useState } from 'react';

export function RecoveryCodes({ codes, onDone, doneLabel = '我已妥善保存，继续' }: { codes: string[]; onDone: () => void; doneLabel?: string }) {
  const [saved, setSaved] = useState(false);
  const text = codes.join('\n');
  const download = () => {
    const url = URL.createObjectURL(new Blob([`绩效自评 恢复码（每个只能使用一次）\n\n${text}\n`], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = '绩效自评-恢复码.txt';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div data-testid="recovery-codes">
      <Alert type="warning" showIcon title="请保存以下恢复码" description="手机丢失或更换时，可用其中任一个代替动态验证码登录；每个只能使用一次。恢复码只显示这一次。" style={{ marginBottom: 16 }} />
      <ol className="jx-recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <Space style={{ marginBottom: 16 }}>
        <Button onClick={() => void navigator.clipboard?.writeText(text)}>复制</Button>
        <Button onClick={download}>下载为文本文件</Button>
      </Space>
      <div>
        <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)}>
          我已把恢复码保存在安全的地方
        </Checkbox>
      </div>
      <Button type="primary" disabled={!saved} onClick={onDone} style={{ marginTop: 16 }}>
        {doneLabel}
      </Button>
    </div>
  );
}
