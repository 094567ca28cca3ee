// What a session must do before anything else: change an administrator-set (or expired) password, or —
// for finance and 三员 accounts — set up the authenticator app. The server refuses every other request
// until then (403 PASSWORD_CHANGE_REQUIRED / SECOND_FACTOR_ENROLMENT_REQUIRED); this page is all the user sees.
import { Alert, Button, Card, Typography } from 'antd';
import { PasswordChangeForm } from '../components/account/PasswordChangeForm';
import { TotpEnrol } from '../components/account/TotpEnrol';

interface Props {
  step: 'password' | 'enrol';
  displayName: string;
  /** the step is done: read the session again */
  onDone: () => void;
  onSignOut: () => void;
}

export function SecuritySetupPage({ step, displayName, onDone, onSignOut }: Props) {
  return (
    <div className="jx-login">
      <Card className="jx-login-card jx-setup-card" title={step === 'password' ? '请先修改密码' : '请先绑定动态验证码'} data-testid={`setup-${step}`}>
        {step === 'password' ? (
          <>
            <Alert
              type="info"
              showIcon
              title={`${displayName}，您当前使用的是管理员设置的初始密码或已到期的密码。`}
              description="为保护账户安全，请设置一个只有您自己知道的新密码后再继续使用。"
              style={{ marginBottom: 16 }}
            />
            <PasswordChangeForm onDone={onDone} />
          </>
        ) : (
          <>
            <Typography.Paragraph>
              {displayName}，您的账户（财务或系统管理类）须使用双因素认证：登录时除密码外，还要输入手机验证器上的 6 位动态验证码。
            </Typography.Paragraph>
            <TotpEnrol needsPassword={false} onDone={onDone} />
          </>
        )}
        <div className="jx-login-links">
          <Button type="link" onClick={onSignOut}>
            退出登录
          </Button>
        </div>
      </Card>
    </div>
  );
}
