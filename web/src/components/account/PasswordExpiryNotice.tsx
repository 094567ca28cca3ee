// The header's reminder that the password will soon have to be changed (等保: 定期更换), two weeks ahead.
import { Tag, Tooltip } from 'antd';
import { navigate } from '../../router';

const DAY = 86_400_000;

export function daysLeft(expiresAt: string | null, now = Date.now()): number | null {
  return expiresAt ? Math.ceil((Date.parse(expiresAt) - now) / DAY) : null;
}

export function PasswordExpiryNotice({ expiresAt }: { expiresAt: string | null }) {
  const days = daysLeft(expiresAt);
  if (days == null || days > 14) return null;
  return (
    <Tooltip title="点击前往修改密码">
      <Tag color={days <= 3 ? 'red' : 'orange'} className="jx-expiry" onClick={() => navigate('/account')} data-testid="password-expiry">
        {days <= 0 ? '密码已到期' : `密码 ${days} 天后到期`}
      </Tag>
    </Tooltip>
  );
}
