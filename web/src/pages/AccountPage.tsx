// 账户安全: the signed-in user's own password, second factor (enable, renew recovery codes, switch off when
// the account may) and sessions.
import { App as AntApp, Alert, Button, Card, Descriptions, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../api/client';
import { disableTotp, regenerateRecoveryCodes } from '../api/account';
import { PasswordChangeForm } from '../components/account/PasswordChangeForm';
import { daysLeft } from '../components/account/PasswordExpiryNotice';
import { RecoveryCodes } from '../components/account/RecoveryCodes';
import { SessionList } from '../components/account/SessionList';
import { TotpEnrol } from '../components/account/TotpEnrol';
import { useSession } from '../session';

/** Asks for the current password, then runs the action; the server's refusal is shown in the dialog. */
function PasswordConfirm({ title, okText, danger, onConfirm, onClose }: { title: string; okText: string; danger?: boolean; onConfirm: (password: string) => Promise<void>; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    const { password } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await onConfirm(password);
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={title} okText={okText} cancelText="取消" okButtonProps={{ danger, loading: busy }} onOk={() => void ok()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item label="当前密码" name="password" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function AccountPage() {
  const session = useSession();
  const { user } = session;
  const security = session.security ?? { passwordExpiresAt: null, totpEnabled: false, secondFactorRequired: false };
  const refresh = async () => session.refresh?.();
  const { message } = AntApp.useApp();
  const [enrolling, setEnrolling] = useState(false);
  const [dialog, setDialog] = useState<'disable' | 'codes' | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const days = daysLeft(security.passwordExpiresAt);

  return (
    <div className="jx-account" data-testid="account-page">
      <h2 style={{ marginTop: 0 }}>账户安全</h2>
      <Card title="账户" size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="登录名">{user.username}</Descriptions.Item>
          <Descriptions.Item label="姓名">{user.displayName}</Descriptions.Item>
          <Descriptions.Item label="密码有效期">
            {security.passwordExpiresAt ? `${new Date(security.passwordExpiresAt).toLocaleDateString('zh-CN')} 到期${days != null && days <= 14 ? `（剩余 ${Math.max(days, 0)} 天）` : ''}` : '不限'}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="修改密码" size="small" style={{ marginBottom: 16 }}>
        <PasswordChangeForm
          onDone={() => {
            message.success('密码已修改，本账户的其他会话已退出');
            void refresh();
          }}
        />
      </Card>

      <Card title="动态验证码（双因素认证）" size="small" style={{ marginBottom: 16 }} data-testid="second-factor-card">
        {codes ? (
          <RecoveryCodes codes={codes} onDone={() => setCodes(null)} doneLabel="我已妥善保存" />
        ) : enrolling ? (
          <TotpEnrol
            needsPassword
            onDone={() => {
              setEnrolling(false);
              message.success('动态验证码已启用，下次登录时需要输入');
              void refresh();
            }}
          />
        ) : security.totpEnabled ? (
          <>
            <Typography.Paragraph>
              <Tag color="green">已启用</Tag> 登录时须输入手机验证器上的 6 位动态验证码；手机丢失时可用恢复码登录，并请安全管理员重置。
            </Typography.Paragraph>
            <Space>
              <Button onClick={() => setDialog('codes')}>重新生成恢复码</Button>
              {!security.secondFactorRequired && (
                <Button danger onClick={() => setDialog('disable')}>
                  停用动态验证码
                </Button>
              )}
            </Space>
            {security.secondFactorRequired && <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>本账户按规定必须使用双因素认证，不能停用。</Typography.Paragraph>}
          </>
        ) : (
          <>
            <Typography.Paragraph>
              <Tag>未启用</Tag> 启用后，登录时除密码外还须输入手机验证器上的动态验证码，即使密码泄露他人也无法登录。
            </Typography.Paragraph>
            <Button type="primary" onClick={() => setEnrolling(true)}>
              启用动态验证码
            </Button>
          </>
        )}
      </Card>

      <Card title="登录会话" size="small">
        <SessionList />
      </Card>

      {dialog === 'codes' && (
        <PasswordConfirm
          title="重新生成恢复码"
          okText="生成"
          onClose={() => setDialog(null)}
          onConfirm={async (pw) => {
            setCodes(await regenerateRecoveryCodes(pw));
            setDialog(null);
          }}
        />
      )}
      {dialog === 'disable' && (
        <PasswordConfirm
          title="停用动态验证码"
          okText="停用"
          danger
          onClose={() => setDialog(null)}
          onConfirm={async (pw) => {
            await disableTotp(pw);
            setDialog(null);
            message.success('动态验证码已停用');
            await refresh();
          }}
        />
      )}
    </div>
  );
}
