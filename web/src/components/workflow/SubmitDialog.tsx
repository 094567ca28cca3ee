// 提交部门审核. Submission is refused while error-level findings remain, unless each one carries a
// written waiver reason that the reviewers will read. This dialog lists them and asks for each reason.
import { Alert, Button, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Finding } from '../../../../src/core/model/finding';
import type { Waiver } from '../../../../src/core/workflow/index';
import type { WaiverRecord } from '../../api/types';

const keyOf = (f: { code: string; path: string }) => `${f.code}\u0000${f.path}`;

interface Props {
  open: boolean;
  /** error-level findings on the report as it will be submitted */
  errors: readonly Finding[];
  /** reasons given at an earlier submission, offered again */
  previous?: readonly WaiverRecord[];
  describe?: (path: string) => string;
  onJump?: (path: string) => void;
  /** resolves with the server's blocking findings when it still refuses (422) */
  onSubmit: (waivers: Waiver[]) => Promise<Finding[] | void>;
  onCancel: () => void;
}

export function SubmitDialog({ open, errors, previous = [], describe, onJump, onSubmit, onCancel }: Props) {
  const [list, setList] = useState<readonly Finding[]>(errors);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setList(errors);
    setRefused(null);
    setReasons((old) => {
      const next: Record<string, string> = {};
      for (const f of errors) next[keyOf(f)] = old[keyOf(f)] ?? previous.find((w) => keyOf(w) === keyOf(f))?.reason ?? '';
      return next;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const missing = list.filter((f) => !(reasons[keyOf(f)] ?? '').trim()).length;
  const firstReason = list.map((f) => (reasons[keyOf(f)] ?? '').trim()).find(Boolean);

  const submit = async () => {
    setBusy(true);
    setRefused(null);
    try {
      const waivers = list.map((f) => ({ code: f.code, path: f.path, reason: (reasons[keyOf(f)] ?? '').trim() }));
      const blocking = await onSubmit(waivers);
      if (blocking && blocking.length) {
        setList(blocking);
        setReasons((old) => Object.fromEntries(blocking.map((f) => [keyOf(f), old[keyOf(f)] ?? ''])));
        setRefused(`服务器检查发现仍有 ${blocking.length} 个错误未豁免，请为每一项填写理由。`);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      width={820}
      title="提交部门审核"
      onCancel={onCancel}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={busy} disabled={missing > 0} onClick={submit} data-testid="confirm-submit">
          {list.length === 0 ? '确认提交' : missing > 0 ? `还需填写 ${missing} 条豁免理由` : `豁免 ${list.length} 项并提交`}
        </Button>,
      ]}
    >
      {list.length === 0 ? (
        <Typography.Paragraph>报告未发现错误。提交后将交部门（单位）负责人审核，审核期间填报内容不能修改。</Typography.Paragraph>
      ) : (
        <>
          <Alert
            type="warning"
            showIcon
            title={`报告还有 ${list.length} 个错误。`}
            description="请先修正；确实无法修正的（如口径不同、由负责人审核时填写），逐条写明豁免理由后方可提交。豁免理由将随报告送审核人员查看。"
            style={{ marginBottom: 12 }}
          />
          {refused && <Alert type="error" showIcon title={refused} style={{ marginBottom: 12 }} />}
          <div className="jx-waivers">
            {list.map((f, i) => {
              const k = keyOf(f);
              return (
                <div key={k} className="jx-waiver" data-code={f.code} data-path={f.path}>
                  <div className="jx-waiver-head">
                    <span className="jx-waiver-no">{i + 1}</span>
                    <span className="jx-waiver-msg">{f.message}</span>
                  </div>
                  <div className="jx-waiver-where">
                    {describe && f.path ? describe(f.path) : f.path} · {f.code}
                    {onJump && f.path && (
                      <Button size="small" type="link" onClick={() => onJump(f.path)}>
                        去修改
                      </Button>
                    )}
                  </div>
                  <Input.TextArea
                    value={reasons[k] ?? ''}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={2000}
                    placeholder="豁免理由（必填）"
                    aria-label={`第${i + 1}项豁免理由`}
                    status={(reasons[k] ?? '').trim() ? undefined : 'warning'}
                    onChange={(e) => setReasons((r) => ({ ...r, [k]: e.target.value }))}
                  />
                </div>
              );
            })}
          </div>
          {firstReason && missing > 0 && (
            <Button
              size="small"
              style={{ marginTop: 8 }}
              onClick={() => setReasons((r) => Object.fromEntries(list.map((f) => [keyOf(f), (r[keyOf(f)] ?? '').trim() ? r[keyOf(f)]! : firstReason])))}
            >
              将第一条理由填入其余未填写的项（可再逐条修改）
            </Button>
          )}
        </>
      )}
    </Modal>
  );
}
