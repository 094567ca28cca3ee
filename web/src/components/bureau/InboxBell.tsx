// The bell (待办): what this user must act on and the deadlines near or past, for every role. Refreshed
// when the page changes and every minute; a click opens the report, task or notice.
import { Badge, Button, Empty, List, Popover, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { getInbox, type Inbox, type InboxItem } from '../../api/bureau';
import { navigate, useLocationPath } from '../../router';

const Bell = () => (
  <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="currentColor">
    <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
  </svg>
);

const KIND_LABEL: Record<InboxItem['kind'], string> = {
  fill: '填报', answer_return: '退回', sign: '签署', approve: '审核', review: '审核', rescore: '复核', reply_dispute: '异议',
  rectify: '整改', accept_rectification: '销号', publish: '公开', issue_task: '任务', deadline: '截止',
};

export function linkOf(item: InboxItem): string {
  const { type, id } = item.link;
  if (type === 'reports') return '/reports';
  return `/${type === 'report' ? 'reports' : type === 'task' ? 'tasks' : 'rectifications'}/${encodeURIComponent(id)}`;
}

function Row({ item, onOpen }: { item: InboxItem; onOpen: (i: InboxItem) => void }) {
  const overdue = item.level === 'overdue';
  return (
    <List.Item className="jx-inbox-item" onClick={() => onOpen(item)} data-kind={item.kind}>
      <List.Item.Meta
        title={
          <span>
            <Tag color={item.kind === 'deadline' ? (overdue ? 'red' : 'orange') : 'blue'}>{KIND_LABEL[item.kind]}</Tag>
            <a>{item.title}</a>
          </span>
        }
        description={<Typography.Text type={overdue ? 'danger' : 'secondary'}>{item.detail}</Typography.Text>}
      />
    </List.Item>
  );
}

export function InboxBell() {
  const path = useLocationPath();
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [open, setOpen] = useState(false);
  const load = useCallback(() => {
    getInbox().then(setInbox).catch(() => undefined);
  }, []);
  useEffect(load, [load, path]);
  useEffect(() => {
    const t = setInterval(load, 60_000);
    return () => clearInterval(t);
  }, [load]);
  const count = (inbox?.todo.length ?? 0) + (inbox?.warnings.length ?? 0);
  const late = inbox?.warnings.some((w) => w.level === 'overdue');
  const go = (i: InboxItem) => {
    setOpen(false);
    navigate(linkOf(i));
  };
  const content = (
    <div className="jx-inbox" data-testid="inbox">
      {inbox && count === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待办" />}
      {!!inbox?.warnings.length && (
        <List size="small" header={<b>截止提醒</b>} dataSource={inbox.warnings} renderItem={(i) => <Row item={i} onOpen={go} />} />
      )}
      {!!inbox?.todo.length && <List size="small" header={<b>待办（{inbox.todo.length}）</b>} dataSource={inbox.todo} renderItem={(i) => <Row item={i} onOpen={go} />} />}
    </div>
  );
  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={count} size="small" color={late ? '#cf1322' : '#1677ff'} offset={[-4, 4]}>
        <Button type="text" className="jx-bell" icon={<Bell />} aria-label={`待办 ${count} 项`} data-testid="inbox-bell" />
      </Badge>
    </Popover>
  );
}
