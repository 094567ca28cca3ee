// 提交部门审核, grouped (core/workflow/submit-groups.ts): the errors the preparer settles now, by kind —
// fix one (去修改) or tick the ones that cannot be fixed and write one reason for them — and, apart, what
// the 组长 and the head complete during the department's review (no waiver needed now). Reasons have a
// minimum and go to the reviewers with the findings they cover.
import { Alert, Button, Checkbox, Input, Modal, Switch, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Finding } from '../../../../src/core/model/finding';
import { SIGNATURE_ROLE_LABEL, type Waiver } from '../../../../src/core/workflow/index';
import { submitGroups, waiverReasonProblem } from '../../../../src/core/workflow/submit-groups';
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

interface Group {
  code: string;
  items: Finding[];
}

/** The preparer's errors by rule, in the order they first appear. */
function byCode(list: readonly Finding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of list) {
    const g = groups.get(f.code) ?? { code: f.code, items: [] };
    g.items.push(f);
    groups.set(f.code, g);
  }
  return [...groups.values()];
}

export function SubmitDialog({ open, errors, previous = [], describe, onJump, onSubmit, onCancel }: Props) {
  const [list, setList] = useState<readonly Finding[]>(errors);
  /** one reason per group of the same rule */
  const [reasons, setReasons] = useState<Record<string, string>>({});
  /** findings ticked as not fixable (covered by their group's reason) */
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [showCodes, setShowCodes] = useState(false);

  const { now, later } = useMemo(() => submitGroups(list), [list]);
  const groups = useMemo(() => byCode(now), [now]);

  const offer = (found: readonly Finding[], old: Record<string, string>) => {
    const next: Record<string, string> = {};
    for (const g of byCode(submitGroups(found).now))
      next[g.code] = old[g.code] ?? g.items.map((f) => previous.find((w) => keyOf(w) === keyOf(f))?.reason).find(Boolean) ?? '';
    return next;
  };

  useEffect(() => {
    if (!open) return;
    setList(errors);
    setRefused(null);
    setReasons((old) => offer(errors, old));
    setTicked(new Set(submitGroups(errors).now.map(keyOf)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const reasonOf = (code: string) => (reasons[code] ?? '').trim();
  const covered = (f: Finding) => ticked.has(keyOf(f)) && reasonOf(f.code) !== '' && !waiverReasonProblem(reasonOf(f.code));
  const missing = now.filter((f) => !covered(f)).length;
  const tooShort = groups.some((g) => waiverReasonProblem(reasonOf(g.code)));

  const submit = async () => {
    setBusy(true);
    setRefused(null);
    try {
      const waivers = now.filter(covered).map((f) => ({ code: f.code, path: f.path, reason: reasonOf(f.code) }));
      const blocking = await onSubmit(waivers);
      if (blocking && blocking.length) {
        setList(blocking);
        setReasons((old) => offer(blocking, old));
        setTicked((old) => new Set([...old, ...blocking.map(keyOf)]));
        setRefused(`服务器检查发现仍有 ${blocking.length} 个错误未豁免，请修正或填写理由。`);
      }
    } finally {
      setBusy(false);
    }
  };

  const label = now.length === 0 ? '确认提交' : missing > 0 ? `还有 ${missing} 项未修正也未说明理由` : `豁免 ${now.length} 项并提交`;
  return (
    <Modal
      open={open}
      width={860}
      title="提交部门审核"
      onCancel={onCancel}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={busy} disabled={missing > 0 || tooShort} onClick={submit} data-testid="confirm-submit">
          {label}
        </Button>,
      ]}
    >
      {now.length === 0 && <Typography.Paragraph>报告没有需要您处理的错误。提交后将交部门（单位）负责人审核，审核期间填报内容不能修改。</Typography.Paragraph>}
      {refused && <Alert type="error" showIcon title={refused} style={{ marginBottom: 12 }} />}
      {now.length > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            title={`还有 ${now.length} 个错误需要您处理（${groups.length} 类）。`}
            description="能修正的请点“去修改”；确实无法修正的（如原表口径不同），勾选后为这一类写一条理由即可。理由将随报告送审核人员查看。"
            style={{ marginBottom: 12 }}
          />
          <div style={{ textAlign: 'right', marginBottom: 6 }}>
            <Switch size="small" checked={showCodes} onChange={setShowCodes} /> <Typography.Text type="secondary">显示规则代码</Typography.Text>
          </div>
          <div className="jx-waivers">
            {groups.map((g, gi) => {
              const problem = waiverReasonProblem(reasonOf(g.code));
              const all = g.items.every((f) => ticked.has(keyOf(f)));
              return (
                <div key={g.code} className="jx-waiver" data-code={g.code} data-testid="waiver-group">
                  <div className="jx-waiver-head">
                    <span className="jx-waiver-no">{gi + 1}</span>
                    <span className="jx-waiver-msg">
                      {g.items.length > 1 ? `同类 ${g.items.length} 项` : g.items[0]!.message}
                      {showCodes && <Tag className="jx-code" style={{ marginLeft: 6 }}>{g.code}</Tag>}
                    </span>
                    {g.items.length > 1 && (
                      <Checkbox
                        checked={all}
                        indeterminate={!all && g.items.some((f) => ticked.has(keyOf(f)))}
                        onChange={(e) => setTicked((old) => {
                          const next = new Set(old);
                          for (const f of g.items) (e.target.checked ? next.add(keyOf(f)) : next.delete(keyOf(f)));
                          return next;
                        })}
                      >
                        全选
                      </Checkbox>
                    )}
                  </div>
                  <ul className="jx-waiver-items">
                    {g.items.map((f) => (
                      <li key={keyOf(f)} data-path={f.path}>
                        <Checkbox
                          checked={ticked.has(keyOf(f))}
                          aria-label={`无法修正：${f.message}`}
                          onChange={(e) => setTicked((old) => {
                            const next = new Set(old);
                            (e.target.checked ? next.add(keyOf(f)) : next.delete(keyOf(f)));
                            return next;
                          })}
                        />
                        <span className="jx-waiver-where">
                          {g.items.length > 1 && <span>{f.message} · </span>}
                          {describe && f.path ? describe(f.path) : f.path}
                        </span>
                        {onJump && f.path && (
                          <Button size="small" type="link" onClick={() => onJump(f.path)}>
                            去修改
                          </Button>
                        )}
                      </li>
                    ))}
                  </ul>
                  <Input.TextArea
                    value={reasons[g.code] ?? ''}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={2000}
                    placeholder={g.items.length > 1 ? '这一类中勾选各项的豁免理由（必填）' : '豁免理由（必填）'}
                    aria-label={`第${gi + 1}组豁免理由`}
                    status={!reasonOf(g.code) || problem ? 'warning' : undefined}
                    onChange={(e) => setReasons((r) => ({ ...r, [g.code]: e.target.value }))}
                  />
                  {problem && <div className="jx-waiver-problem">{problem}</div>}
                </div>
              );
            })}
          </div>
        </>
      )}
      {later.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={`另有 ${later.length} 项由其他角色在部门审核时完成，无需豁免`}
          description={
            <ul className="jx-waiver-list" data-testid="later-findings">
              {later.map(({ finding, role }) => (
                <li key={keyOf(finding)}>
                  {SIGNATURE_ROLE_LABEL[role]}：{finding.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Modal>
  );
}
