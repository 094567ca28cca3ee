// 校验发现: the core rules' findings on the report as edited, grouped by severity. A click jumps to the
// offending field. Waivers written at submission are shown beside the finding they cover. The rules' codes
// (FIN.SUMMARY_UNSUPPORTED …) are for whoever maintains the rules: shown only on request, remembered.
import { Badge, Empty, Switch, Tag } from 'antd';
import { memo } from 'react';
import type { Finding, Severity } from '../../../../src/core/model/finding';
import type { WaiverRecord } from '../../api/types';
import { useRemembered } from '../../lib/use-remembered';

const GROUPS: Array<{ severity: Severity; title: string; color: string }> = [
  { severity: 'error', title: '错误', color: '#cf1322' },
  { severity: 'warning', title: '警告', color: '#d48806' },
  { severity: 'info', title: '提示', color: '#1677ff' },
];

interface Props {
  findings: readonly Finding[];
  onJump: (path: string) => void;
  describe?: (path: string) => string;
  waiverOf?: (f: Finding) => WaiverRecord | undefined;
  /** edits made since these findings were computed */
  pending?: boolean;
}

export const FindingsPanel = memo(function FindingsPanel({ findings, onJump, describe, waiverOf, pending }: Props) {
  const [showCodes, setShowCodes] = useRemembered('jixiao.showRuleCodes', false);
  if (findings.length === 0)
    return (
      <div className="jx-findings" data-testid="findings-panel">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现问题" />
      </div>
    );
  const waived = waiverOf ? findings.filter((f) => f.severity === 'error' && waiverOf(f)).length : 0;
  return (
    <div className={`jx-findings${pending ? ' jx-pending' : ''}`} data-testid="findings-panel" aria-busy={pending || undefined}>
      <div className="jx-findings-summary">
        {GROUPS.map((g) => (
          <span key={g.severity} className="jx-count" data-severity={g.severity}>
            <Badge color={g.color} />
            {g.title} <b data-testid={`count-${g.severity}`}>{findings.filter((f) => f.severity === g.severity).length}</b>
          </span>
        ))}
        {waiverOf && waived > 0 && <span className="jx-count jx-count-waived">其中 {waived} 项错误已在提交时豁免</span>}
        <label className="jx-codes-toggle">
          <Switch size="small" checked={showCodes} onChange={setShowCodes} aria-label="显示规则代码" /> 规则代码
        </label>
      </div>
      {GROUPS.map((g) => {
        const list = findings.filter((f) => f.severity === g.severity);
        if (list.length === 0) return null;
        return (
          <section key={g.severity} className={`jx-finding-group jx-sev-${g.severity}`}>
            <h4 style={{ color: g.color }}>
              {g.title}（{list.length}）
            </h4>
            <ul>
              {list.map((f, i) => {
                const w = waiverOf?.(f);
                return (
                  <li key={`${f.code}-${f.path}-${i}`}>
                    <button type="button" className="jx-finding" data-path={f.path} data-code={f.code} onClick={() => f.path && onJump(f.path)} disabled={!f.path} title={f.path ? `点击定位到该处（规则 ${f.code}）` : `规则 ${f.code}`}>
                      <span className="jx-finding-msg">{f.message}</span>
                      <span className="jx-finding-meta">
                        {describe && f.path ? <span>{describe(f.path)}</span> : null}
                        {showCodes && <Tag className="jx-code">{f.code}</Tag>}
                      </span>
                    </button>
                    {w && <div className="jx-waiver-note">已豁免：{w.reason}</div>}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
});
