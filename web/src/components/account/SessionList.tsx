// 登录会话: where and when this account is signed in (browser, address, last used), the current one marked;
// any other can be ended, or all others at once (a lost laptop, a shared computer).
import { Alert, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../api/client';
import { endOtherSessions, endSession, listSessions } from '../../api/account';
import type { SessionItem } from '../../api/types';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** A short name for a browser's user agent: 浏览器 + 系统. */
export function browserName(ua: string): string {
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrome\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : ua ? '其他浏览器' : '未知';
  const os = /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Linux/.test(ua) ? 'Linux' : '';
  return os ? `${browser} · ${os}` : browser;
}

export function SessionList() {
  const [items, setItems] = useState<SessionItem[] | null>(null);
  const [max, setMax] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    listSessions()
      .then((r) => (setItems(r.items), setMax(r.max)))
      .catch((e: ApiError) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  const act = (fn: () => Promise<unknown>) => fn().then(load, (e: ApiError) => setError(e.message));

  return (
    <div data-testid="session-list">
      <Typography.Paragraph type="secondary">同一账户最多同时保持 {max || '若干'} 个登录会话，超出时最早未使用的会话自动退出。不认识的会话请立即结束并修改密码。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<SessionItem>
        rowKey="id"
        size="small"
        loading={items === null}
        dataSource={items ?? []}
        pagination={false}
        columns={[
          { title: '浏览器', dataIndex: 'userAgent', render: (ua: string, s) => <>{browserName(ua)} {s.current && <Tag color="blue">当前会话</Tag>}</> },
          { title: '地址', dataIndex: 'ip' },
          { title: '登录时间', dataIndex: 'createdAt', render: when },
          { title: '最近使用', dataIndex: 'lastSeenAt', render: when },
          {
            title: '',
            key: 'end',
            render: (_v, s) =>
              !s.current && (
                <Popconfirm title="结束这个会话？" okText="结束" cancelText="取消" onConfirm={() => act(() => endSession(s.id))}>
                  <Button size="small" danger>
                    结束
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {(items?.length ?? 0) > 1 && (
        <Popconfirm title="结束除当前以外的全部会话？" okText="全部结束" cancelText="取消" onConfirm={() => act(endOtherSessions)}>
          <Button style={{ marginTop: 12 }}>结束其他全部会话</Button>
        </Popconfirm>
      )}
    </div>
  );
}
