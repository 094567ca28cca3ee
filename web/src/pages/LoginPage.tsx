// 登录: username and password; a wrong password, a locked account, throttling and an expired session each
// get a plain Chinese explanation. An account with a second factor then asks for the authenticator's code
// (or a recovery code). In demo mode (when the server says so) the demo accounts are listed.
// The first page anyone loads, and the whole of the first download (web/README.md): plain form controls
// styled like the rest of the UI (styles.css, "Login"), no antd — its runtime, theme and form machinery
// would triple the bytes before anyone has signed in. The second-factor step is a chunk of its own.
import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { ApiError, api } from '../api/client';
import { login, logout } from '../api/session';
import type { SessionView } from '../api/types';

const SecondFactorStep = lazy(async () => ({ default: (await import('../components/account/SecondFactorStep')).SecondFactorStep }));

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

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const gaps = { username: !username.trim(), password: !password };
    setMissing(gaps);
    if (!gaps.username && !gaps.password) void submit({ username, password });
  };

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
          <h2 className="jx-login-name">绩效自评</h2>
          <div className="jx-login-sub">部门整体支出绩效自评 · 填报、审核与公开</div>
        </div>
      </div>
      <section className="jx-login-card" aria-labelledby="jx-login-title">
        <h3 id="jx-login-title" className="jx-login-title">{secondStep ? '登录 · 动态验证码' : '登录'}</h3>
        {secondStep ? (
          <Suspense fallback={<p role="status">正在加载…</p>}>
            <SecondFactorStep onDone={onLoggedIn} onCancel={restart} />
          </Suspense>
        ) : (
          <>
            {notice && <p className="jx-login-alert jx-login-alert-warning" role="status">{notice}</p>}
            {error && <p className="jx-login-alert jx-login-alert-error" role="alert">{error}</p>}
            <form onSubmit={onSubmit} autoComplete="on" noValidate>
              <label className="jx-login-field">
                <span>用户名</span>
                <input className="jx-login-input" name="username" autoComplete="username" autoFocus placeholder="请输入用户名" value={username} onChange={(e) => setUsername(e.target.value)} aria-invalid={missing.username || undefined} />
                {missing.username && <span className="jx-login-missing">请输入用户名</span>}
              </label>
              <label className="jx-login-field">
                <span>密码</span>
                <input className="jx-login-input" type="password" name="password" autoComplete="current-password" placeholder="请输入密码" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={missing.password || undefined} />
                {missing.password && <span className="jx-login-missing">请输入密码</span>}
              </label>
              <button type="submit" className="jx-login-submit" disabled={busy} aria-busy={busy || undefined}>
                {busy ? '正在登录…' : '登录'}
              </button>
            </form>
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
      </section>
      <div className="jx-login-foot">连续输错密码将锁定账户；长时间未操作将自动退出登录。</div>
    </div>
  );
}
