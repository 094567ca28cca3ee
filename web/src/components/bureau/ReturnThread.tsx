// 退回意见与回应: each return reason with the department's answer — 同意 (it will fix it) or 异议 (with an
// explanation) — and the bureau's replies, grouped by the cell they are about, so the reviewer reads the
// thread per cell instead of only seeing a resubmission.
import { App, Button, Card, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { replyToReturn } from '../../api/bureau';
import type { ReplyRecord, ReportView, ReturnRecord } from '../../api/types';
import { formatTime } from '../../lib/time';

const STANCE: Record<ReplyRecord['stance'], { label: string; color: string }> = { accept: { label: '同意', color: 'green' }, dispute: { label: '异议', color: 'red' }, reply: { label: '财政答复', color: 'blue' } };

interface Props {
  view: ReportView;
  /** this user answers for the department (填报人, 负责人) */
  department: boolean;
  /** this user replies for the bureau */
  finance: boolean;
  describe: (path: string) => string;
  onJump: (path: string) => void;
  onChanged: () => void;
}

function Composer({ ret, view, department, describe, onDone }: { ret: ReturnRecord; view: ReportView; department: boolean; describe: (p: string) => string; onDone: () => void }) {
  const { message } = App.useApp();
  const [stance, setStance] = useState<'accept' | 'dispute' | 'reply'>(department ? 'accept' : 'reply');
  const [text, setText] = useState('');
  const [path, setPath] = useState<string>(ret.paths.length === 1 ? ret.paths[0]! : '');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      await replyToReturn(view.id, ret.id!, { stance, text, ...(path ? { path } : {}) });
      setText('');
      message.success(stance === 'dispute' ? '已提出异议' : stance === 'accept' ? '已回应：同意退回意见' : '已答复');
      onDone();
    } catch (e) {
      message.error((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="jx-reply-composer">
      <Space wrap>
        {department && (
          <Radio.Group value={stance} onChange={(e) => setStance(e.target.value)} aria-label="回应">
            <Radio value="accept">同意</Radio>
            <Radio value="dispute">提出异议</Radio>
          </Radio.Group>
        )}
        {ret.paths.length > 1 && (
          <Select value={path} onChange={setPath} style={{ width: 240 }} aria-label="所涉单元格" options={[{ value: '', label: '整体' }, ...ret.paths.map((p) => ({ value: p, label: describe(p) }))]} />
        )}
      </Space>
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} style={{ marginTop: 6 }} aria-label={department ? '回应说明' : '答复内容'}
        placeholder={stance === 'dispute' ? '写明异议的理由（必填）' : stance === 'accept' ? '可补充说明（选填）' : '答复内容'} />
      <Button size="small" type="primary" style={{ marginTop: 6 }} loading={busy} disabled={stance !== 'accept' && !text.trim()} onClick={() => void send()} data-testid="send-reply">
        {department ? '提交回应' : '答复'}
      </Button>
    </div>
  );
}

export function ReturnThread({ view, department, finance, describe, onJump, onChanged }: Props) {
  const returns = [...(view.returns ?? [])].filter((r) => r.id).sort((a, b) => b.version - a.version);
  if (!returns.length) return null;
  const open = !['accepted', 'published'].includes(view.status);
  return (
    <Card size="small" title={`退回意见与回应（${returns.length}）`} className="jx-return-thread" data-testid="return-thread" style={{ marginBottom: 12 }}>
      {returns.map((r) => {
        const cells = r.paths.length ? r.paths : [''];
        const replies = r.replies ?? [];
        return (
          <div key={r.id} className="jx-thread">
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              <Tag color="red">退回</Tag>第 {r.version} 版 · {formatTime(r.createdAt)}：{r.reason}
            </Typography.Paragraph>
            {cells.map((p) => {
              const here = replies.filter((x) => x.path === p || (!p && !x.path) || (cells.length === 1 && !x.path));
              return (
                <div key={p || 'all'} className="jx-thread-cell" data-path-thread={p}>
                  {p && <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => onJump(p)}>{describe(p)}</Button>}
                  {here.map((x) => (
                    <div key={x.id} className={`jx-reply jx-reply-${x.side}`}>
                      <Tag color={STANCE[x.stance].color}>{STANCE[x.stance].label}</Tag>
                      <span>{x.text}</span>
                      <Typography.Text type="secondary"> — {x.userName ?? ''} {formatTime(x.createdAt)}</Typography.Text>
                    </div>
                  ))}
                </div>
              );
            })}
            {cells.length > 1 && replies.filter((x) => !x.path).map((x) => (
              <div key={x.id} className={`jx-reply jx-reply-${x.side}`}><Tag color={STANCE[x.stance].color}>{STANCE[x.stance].label}</Tag>{x.text}</div>
            ))}
            {open && (department || finance) && <Composer ret={r} view={view} department={department} describe={describe} onDone={onChanged} />}
          </div>
        );
      })}
    </Card>
  );
}
