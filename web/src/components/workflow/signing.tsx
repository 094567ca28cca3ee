// The one way to sign: the sign dialog, opened from the 电子签署 panel or from the 签字栏 of the form
// itself. Both read what this user may sign now and the latest signature per role from here.
import { Button, Input, Modal, Tag } from 'antd';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { SIGNATURE_ROLE_LABEL, SIGNATURE_ROLES, checkSignature, type ReportStatus, type Role, type SignatureRole } from '../../../../src/core/workflow/index';
import type { Signature } from '../../api/types';

export interface Signing {
  signatures: readonly Signature[] | null;
  /** the roles this user may sign as now */
  offered: readonly SignatureRole[];
  /** the latest signature per role */
  latest: ReadonlyMap<SignatureRole, Signature>;
  ask: (role: SignatureRole) => void;
  /** the signing user's name, as signing writes it into an evaluator's 签字 cell */
  me: string;
  /** the sign dialog, rendered once by the editor */
  dialog: ReactNode;
}

export function useSigning(o: { signatures: readonly Signature[] | null; status: ReportStatus; roles: readonly Role[]; me: string; onSign: (role: SignatureRole, opinion: string) => Promise<void> }): Signing {
  const { signatures, status, roles, onSign } = o;
  const [asRole, setAsRole] = useState<SignatureRole | null>(null);
  const [opinion, setOpinion] = useState('');
  const [busy, setBusy] = useState(false);
  const offered = useMemo(() => SIGNATURE_ROLES.filter((r) => checkSignature(status, r, roles).ok), [status, roles]);
  const latest = useMemo(() => {
    const m = new Map<SignatureRole, Signature>();
    for (const s of signatures ?? []) {
      const prev = m.get(s.role);
      if (!prev || prev.signedAt < s.signedAt) m.set(s.role, s);
    }
    return m;
  }, [signatures]);
  // the latest onSign without making the dialog (and so the context value) new on every render
  const signRef = useRef(onSign);
  signRef.current = onSign;
  const dialog = useMemo(() => (
    <Modal
      open={asRole !== null}
      title={asRole ? `以${SIGNATURE_ROLE_LABEL[asRole]}身份签署` : ''}
      okText="签署"
      confirmLoading={busy}
      onCancel={() => setAsRole(null)}
      onOk={async () => {
        if (!asRole) return;
        setBusy(true);
        try {
          await signRef.current(asRole, opinion.trim());
          setAsRole(null);
        } finally {
          setBusy(false);
        }
      }}
      destroyOnHidden
    >
      <p>签署将在报告的签字栏填写您的姓名和日期，并记录您所签内容的哈希值（部门签署人：部门填报的内容；财政归口科室：另含其意见）。此后所签内容一旦修改，签名即显示为失效，打印件不再印出该签名。</p>
      <Input.TextArea value={opinion} onChange={(e) => setOpinion(e.target.value)} placeholder="签署意见（选填）" autoSize={{ minRows: 2 }} aria-label="签署意见" />
    </Modal>
  ), [asRole, busy, opinion]);
  const ask = useCallback((role: SignatureRole) => {
    setOpinion('');
    setAsRole(role);
  }, []);
  // one value while nothing of it changes: a new one would reach every field under the provider on each
  // keystroke (React walks the whole editor to find the context's readers)
  return useMemo(() => ({ signatures, offered, latest, ask, me: o.me, dialog }), [signatures, offered, latest, ask, o.me, dialog]);
}

export const SigningContext = createContext<Signing | null>(null);

export function useSigningContext(): Signing | null {
  return useContext(SigningContext);
}

/**
 * What a 签字栏 shows beside the name: the electronic signature's state, and the sign button when this
 * user may sign as `role` now — the same dialog as the 电子签署 panel's.
 */
export function SignHere({ role, label }: { role: SignatureRole; label: string }) {
  const signing = useSigningContext();
  if (!signing) return null;
  const s = signing.latest.get(role);
  const can = signing.offered.includes(role);
  return (
    <span className="jx-sign-here">
      {s && (s.valid ? <Tag color="success">电子签名有效 · 验证码 {s.code}</Tag> : <Tag color="error">签名已失效（内容已修改），需重新签署</Tag>)}
      {can ? (
        <Button size="small" type="primary" ghost aria-label={`在${label}栏签署`} onClick={() => signing.ask(role)}>
          {s ? '重新签署' : '签署'}
        </Button>
      ) : (
        !s && <span className="jx-hint">由{SIGNATURE_ROLE_LABEL[role]}本人签署</span>
      )}
    </span>
  );
}
