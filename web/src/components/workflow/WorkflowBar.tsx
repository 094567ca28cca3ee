// The workflow buttons this user may press now (the server says which: view.actions), each with the
// dialog it needs: waivers on submit, the head's opinion and signature before approving, a reason to
// return, the 归口科室's opinion on acceptance. Every action first saves pending edits, then sends
// If-Match with the saved version and one Idempotency-Key per intent.
import { App, Button } from 'antd';
import { useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { checkReport } from '../../../../src/core/check';
import type { Finding } from '../../../../src/core/model/finding';
import type { Report } from '../../../../src/core/model/report';
import { ACTION_LABEL, type Waiver, type WorkflowAction } from '../../../../src/core/workflow/index';
import { ApiError, newIdempotencyKey } from '../../api/client';
import { sign, transition, type TransitionInput } from '../../api/reports';
import type { ReportView, Signature } from '../../api/types';
import type { Base } from '../../hooks/useAutosave';
import { setAt } from '../../lib/paths';
import { useSession } from '../../session';
import { AcceptDialog } from '../bureau/AcceptDialog';
import { ReasonDialog } from '../bureau/ReasonDialog';
import { OpinionDialog } from './OpinionDialog';
import { ReturnDialog } from './ReturnDialog';
import { SubmitDialog } from './SubmitDialog';

interface Props {
  view: ReportView;
  report: Report;
  setReport: Dispatch<SetStateAction<Report>>;
  flush: (next?: Report) => Promise<Base | null>;
  signatures: readonly Signature[] | null;
  suggestions: ReadonlyArray<{ path: string; label: string }>;
  describe: (path: string) => string;
  onJump: (path: string) => void;
  onDone: () => void;
}

const DONE: Record<WorkflowAction, string> = {
  submit: '已提交部门审核',
  approve: '已审核通过并报送财政',
  return: '已退回',
  review: '已开始审核',
  accept: '已审核通过',
  publish: '已公开',
  revoke: '已撤回公开，报告回到财政审核中',
};

const ORDER: WorkflowAction[] = ['review', 'return', 'submit', 'approve', 'accept', 'publish', 'revoke'];

export function WorkflowBar({ view, report, setReport, flush, signatures, suggestions, describe, onJump, onDone }: Props) {
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<WorkflowAction | null>(null);
  const [errors, setErrors] = useState<Finding[]>([]);
  // One Idempotency-Key per intent and payload: a retry of the same request replays, while a changed
  // request (more waivers after a 422) is a new one — the server refuses a key reused for another body.
  const keys = useRef(new Map<string, string>());
  const actions = ORDER.filter((a) => view.actions?.includes(a));
  const canWrite = (prefix: string) => view.editScope === '*' || (Array.isArray(view.editScope) && view.editScope.includes(prefix));

  const open = async (a: WorkflowAction) => {
    keys.current = new Map();
    if (a === 'submit') {
      const saved = await flush();
      if (!saved) return void message.error('修改尚未保存，请先处理保存问题再提交');
      setErrors(checkReport(saved.report, { expectedPriorIssues: view.expectedPriorIssues }).findings.filter((f) => f.severity === 'error'));
    }
    if (a === 'review' || a === 'publish') {
      modal.confirm({
        title: a === 'review' ? '开始审核这份报告？' : '公开这份报告？',
        content: a === 'review' ? '部门将看到报告状态变为“财政审核中”。' : '公开后报告对外发布，不能再修改。',
        okText: ACTION_LABEL[a],
        cancelText: '取消',
        onOk: () => act(a, {}),
      });
      return;
    }
    setDialog(a);
  };

  /** Runs one transition; 422 answers come back to the caller (the submit dialog shows them). */
  const act = async (action: WorkflowAction, input: Omit<TransitionInput, 'action'>, version?: number): Promise<Finding[] | void> => {
    const saved = version != null ? { version } : await flush();
    if (!saved) {
      message.error('修改尚未保存，无法继续');
      return;
    }
    try {
      const body = { action, ...input };
      const fingerprint = JSON.stringify([saved.version, body]);
      const key = keys.current.get(fingerprint) ?? newIdempotencyKey();
      keys.current.set(fingerprint, key);
      await transition(view.id, saved.version, body, key);
      message.success(DONE[action]);
      setDialog(null);
      onDone();
    } catch (err) {
      const e = err as ApiError;
      if (e.status === 422 && Array.isArray(e.body.findings)) return e.body.findings as Finding[];
      message.error({ content: e.message, duration: 6 });
      if (e.status === 409 || e.status === 412) onDone();
    }
  };

  /** Writes the opinion into the sign-off block (when this role may), saves, signs — which writes the
   * signer and date on the form as a new version — then acts on that version. */
  const opinionThenAct = async (action: 'approve' | 'accept', block: 'department' | 'finance', sigRole: 'head' | 'reviewer', o: { opinion: string; sign: boolean; reason?: string }) => {
    let next = report;
    if (o.opinion && canWrite(`signoffs.${block}`)) {
      next = setAt(report, `signoffs.${block}.opinion`, o.opinion);
      setReport(next);
    }
    const saved = await flush(next);
    if (!saved) return void message.error('意见未能保存，请重试');
    let version = saved.version;
    if (o.sign && !hasValid(sigRole, saved.version)) {
      try {
        version = (await sign(view.id, sigRole, o.opinion || undefined)).version;
      } catch (err) {
        return void message.error((err as ApiError).message);
      }
    }
    await act(action, o.reason ? { reason: o.reason } : {}, version);
  };

  const hasValid = (role: string, version?: number) =>
    (signatures ?? []).some((s) => s.role === role && s.valid && (version == null || s.version === version));

  return (
    <>
      {actions.map((a) => (
        <Button key={a} type={a === 'return' ? 'default' : 'primary'} danger={a === 'return'} onClick={() => void open(a)} data-action={a}>
          {ACTION_LABEL[a]}
        </Button>
      ))}
      <SubmitDialog
        open={dialog === 'submit'}
        errors={errors}
        previous={view.waivers}
        describe={describe}
        onJump={(p) => (setDialog(null), onJump(p))}
        onSubmit={(waivers: Waiver[]) => act('submit', { waivers: waivers.filter((w) => w.reason) })}
        onCancel={() => setDialog(null)}
      />
      <ReturnDialog
        open={dialog === 'return'}
        suggestions={suggestions}
        onSubmit={async (reason, paths) => void (await act('return', { reason, paths }))}
        onCancel={() => setDialog(null)}
      />
      <OpinionDialog
        open={dialog === 'approve'}
        title="审核通过并报送财政"
        okText="签署并报送财政"
        opinionLabel="部门（单位）意见"
        defaultOpinion={report.signoffs.department.opinion || '经审核，同意报送。'}
        signerName={user.displayName}
        signatureRequired
        alreadySigned={hasValid('head') && report.signoffs.department.opinion.trim() !== ''}
        note="报送前须由部门（单位）负责人签署当前版本。"
        onConfirm={(o) => opinionThenAct('approve', 'department', 'head', o)}
        onCancel={() => setDialog(null)}
      />
      <AcceptDialog
        open={dialog === 'accept'}
        reportId={view.id}
        defaultOpinion={report.signoffs.finance.opinion || '经审核，同意该部门整体支出绩效自评结果。'}
        signerName={user.displayName}
        alreadySigned={hasValid('reviewer')}
        describe={describe}
        onConfirm={(o) => opinionThenAct('accept', 'finance', 'reviewer', o)}
        onCancel={() => setDialog(null)}
      />
      <ReasonDialog
        open={dialog === 'revoke'}
        title="撤回公开"
        okText="撤回公开"
        label="撤回理由"
        danger
        note="撤回后报告回到“财政审核中”，已公开的版本保留在历史版本中；撤回及理由写入审计日志。"
        onSubmit={async (reason) => void (await act('revoke', { reason }))}
        onCancel={() => setDialog(null)}
      />
    </>
  );
}
