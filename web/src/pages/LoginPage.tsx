// 登录: username and password; a wrong password, a locked account, throttling and an expired session each
// get a plain Chinese explanation. An account with a second factor then asks for the authenticator's code
// (or a recovery code). In demo mode (when the server says so) the demo accounts are listed.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../api/client';
import { login, logout } from '../api/session';
import type { SessionView } from '../api/types';
import { SecondFactorStep } from '../components/account/SecondFactorStep';

interface Props {
  notice: string | null;
  onLoggedIn: (session: SessionView) => void;
  /** the password was accepted earlier (a reload during the second step): ask for the code straight away */
  secondFactorPending?: boolean;
  /** the user went back from the second step to the password */
  onAbandon?: () => void;
}

const DEMO_USERS: Array<[string, string]> = [
  ['demo-preparer', '党群工作部 填报人'],
  ['demo-head', '党群工作部 部门负责人'],
  ['demo-evaluator', '党群工作部 评价组组长'],
  ['demo-reviewer', '财政局 归口业务科室'],
  ['demo-admin', '财政局 绩效管理科'],
  ['demo-auditor', '审计管理员'],
  ['demo-preparer2', '党政办公室 填报人'],
];

export function LoginPage({ notice, onLoggedIn, secondFactorPending = false, onAbandon }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState(false);
  const [secondStep, setSecondStep] = useState(secondFactorPending);

  useEffect(() => {
    api<{ demo?: boolean }>('/api/health', { allow401: true })
      .then((r) => setDemo(r.data?.demo === true))
      .catch(() => undefined);
  }, []);

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const s = await login(v.username.trim(), v.password);
      if (s.secondFactor === 'pending') setSecondStep(true);
      else onLoggedIn(s);
    } catch (err) {
      const e = err as ApiError;
      if (e.status === 423) setError(e.message || '账户已锁定，请稍后再试或联系管理员');
      else if (e.status === 429) setError(e.message || '尝试次数过多，请稍后再试');
      else if (e.status === 401) setError(e.message || '用户名或密码错误');
      else setError(e.message || '登录失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    // the half-finished session is worth nothing; drop it on the server too
    void logout().catch(() => undefined);
    setSecondStep(false);
    setError(null);
    onAbandon?.();
  };

  return (
    <div className="jx-login">
      <div className="jx-login-brand">
        <div className="jx-login-mark">绩</div>
        <div>
          <Typography.Title level={2} style={{ margin: 0, color: '#fff' }}>
            绩效自评
          </Typography.Title>
          <div className="jx-login-sub">部门整体支出绩效自评 · 填报、审核与公开</div>
        </div>
      </div>
      <Card className="jx-login-card" title={secondStep ? '登录 · 动态验证码' : '登录'}>
        {notice && !secondStep && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />}
        {secondStep ? (
          <SecondFactorStep onDone={onLoggedIn} onCancel={restart} />
        ) : (
          <>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
            <Form layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
              <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
                <Input size="large" autoComplete="username" autoFocus placeholder="请输入用户名" />
              </Form.Item>
              <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
                <Input.Password size="large" autoComplete="current-password" placeholder="请输入密码" />
              </Form.Item>
              <Button type="primary" htmlType="submit" size="large" block loading={busy}>
                登录
              </Button>
            </Form>
            {demo && (
              <div className="jx-demo-users">
                <div className="jx-demo-title">演示账户（密码均为 Jixiao-demo-2026）</div>
                {DEMO_USERS.map(([u, d]) => (
                  <div key={u}>
                    <code>{u}</code> <span>{d}</span>
                  </div>
                ))}
              </div>
            )}
          </>
        )}
      </Card>
      <div className="jx-login-foot">连续输错密码将锁定账户；长时间未操作将自动退出登录。</div>
    </div>
  );
}
