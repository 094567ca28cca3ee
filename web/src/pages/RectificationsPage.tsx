// 整改: the notices this user deals with — a department's own, an 归口科室's departments', the bureau's.
import { Alert, Card, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiError } from '../api/client';
import { listNotices, type NoticeView } from '../api/bureau';
import { NoticeList } from '../components/bureau/NoticeList';
import { isFinance } from '../lib/user';
import { useSession } from '../session';

export default function RectificationsPage() {
  const { user } = useSession();
  const [items, setItems] = useState<NoticeView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listNotices().then(setItems).catch((e: ApiError) => setError(e.message));
  }, []);
  return (
    <Card title="整改通知">
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {isFinance(user) ? '本局（本科室归口）下达的整改通知及各事项的反馈、销号情况。' : '财政局下达给本部门的整改通知。请逐项反馈整改情况并上传佐证材料；下一年度的报告会列出这些问题的整改情况。'}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      <NoticeList notices={items ?? []} loading={items === null && !error} />
    </Card>
  );
}
