// 绑定动态验证码: a QR code of the otpauth:// link (and the secret for typing in), then the first code from
// the app to confirm; then the recovery codes, once. From a normal session the current password comes first.
import { Alert, Button, Form, Input, QRCode, Steps, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { confirmTotp, startTotp } from '../../api/account';
import type { TotpStart } from '../../api/types';
import { RecoveryCodes } from './RecoveryCodes';

interface Props {
  /** ask for the current password first (setting it up from the account page, not at login) */
  needsPassword: boolean;
  onDone: () => void;
}

export function TotpEnrol({ needsPassword, onDone }: Props) {
  const [start, setStart] = useState<TotpStart | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  };

  const step = codes ? 2 : start ? 1 : 0;
  return (
    <div data-testid="totp-enrol">
      <Steps size="small" current={step} style={{ marginBottom: 24 }} items={[{ title: '扫描二维码' }, { title: '输入验证码' }, { title: '保存恢复码' }]} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      {step === 0 && (
        <Form layout="vertical" requiredMark={false} onFinish={(v: { password?: string }) => run(async () => setStart(await startTotp(v.password)))} style={{ maxWidth: 420 }}>
          <Typography.Paragraph>请先在手机上安装验证器应用（如 Microsoft Authenticator、Google Authenticator、FreeOTP 或各大厂商的“动态口令”）。</Typography.Paragraph>
          {needsPassword && (
            <Form.Item label="当前密码" name="password" rules={[{ required: true, message: '请输入当前密码' }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={busy}>
            开始绑定
          </Button>
        </Form>
      )}
      {step === 1 && start && (
        <div className="jx-totp-start">
          <QRCode value={start.uri} size={180} type="svg" bordered />
          <div>
            <Typography.Paragraph>用验证器扫描左侧二维码；无法扫码时，选择“手动输入密钥”并输入：</Typography.Paragraph>
            <Typography.Paragraph copyable={{ text: start.secret }}>
              <code data-testid="totp-secret">{start.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
            </Typography.Paragraph>
            <Form layout="vertical" requiredMark={false} onFinish={(v: { code: string }) => run(async () => setCodes(await confirmTotp(v.code.replace(/\s+/g, ''))))}>
              <Form.Item label="验证器显示的 6 位数字" name="code" rules={[{ required: true, message: '请输入 6 位动态验证码' }]}>
                <Input autoComplete="one-time-code" inputMode="numeric" maxLength={8} style={{ maxWidth: 200 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                确认绑定
              </Button>
            </Form>
          </div>
        </div>
      )}
      {step === 2 && codes && <RecoveryCodes codes={codes} onDone={onDone} />}
    </div>
  );
}
