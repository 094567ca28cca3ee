// 登录第二步: the 6-digit code from the authenticator app, or — with the phone lost — one recovery code.
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { verifySecondFactor } from '../../api/account';
import type { SessionView } from '../../api/types';

interface Props {
  onDone: (session: SessionView) => void;
  onCancel: () => void;
}

export function SecondFactorStep({ onDone, onCancel }: Props) {
  const [recovery, setRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { answer: string }) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await verifySecondFactor(recovery ? { recoveryCode: v.answer.trim() } : { code: v.answer.replace(/\s+/g, '') }));
    } catch (err) {
      const e = err as ApiError;
      setError(e.message);
      // a lockout ends the pending login: start again from the password
      if (e.status === 423 || e.code === 'SESSION_EXPIRED' || e.status === 401 && e.code !== 'INVALID_CREDENTIALS') setTimeout(onCancel, 2500);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="second-factor-step">
      <Typography.Paragraph>
        {recovery ? '请输入一个尚未使用过的恢复码（形如 k7m2-x9qa-p4tw，每个只能用一次）。' : '请打开手机上的验证器（如 Microsoft Authenticator、Google Authenticator 或 FreeOTP），输入“绩效自评”当前显示的 6 位数字。'}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form layout="vertical" onFinish={submit} requiredMark={false} key={recovery ? 'recovery' : 'code'}>
        <Form.Item label={recovery ? '恢复码' : '动态验证码'} name="answer" rules={[{ required: true, message: recovery ? '请输入恢复码' : '请输入 6 位动态验证码' }]}>
          <Input size="large" autoFocus autoComplete="one-time-code" inputMode={recovery ? 'text' : 'numeric'} maxLength={recovery ? 20 : 8} />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>
          验证并登录
        </Button>
      </Form>
      <div className="jx-login-links">
        <Button type="link" onClick={() => (setRecovery(!recovery), setError(null))}>
          {recovery ? '改用动态验证码' : '手机不在身边？使用恢复码'}
        </Button>
        <Button type="link" onClick={onCancel}>
          返回重新登录
        </Button>
      </div>
    </div>
  );
}
