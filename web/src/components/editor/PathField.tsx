// The wrapper every editable value sits in: carries its report path (data-path) so a finding can find
// it, shows the worst finding's colour, the reviewer's return note beside it, and the jump highlight.
import { Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { SEVERITY_LABEL, type Finding } from '../../../../src/core/model/finding';
import { useEditor, useFieldMarks } from './editor-context';

interface Props {
  path: string;
  /** further paths that land here (e.g. targetValue → the 指标值 cell) */
  also?: readonly string[];
  children: ReactNode;
  /** a table cell: compact markers */
  cell?: boolean;
  className?: string;
  as?: 'div' | 'td';
  colSpan?: number;
}

const RANK = { error: 3, warning: 2, info: 1 } as const;

export function worstSeverity(findings: readonly Finding[]): Finding['severity'] | null {
  let worst: Finding['severity'] | null = null;
  for (const f of findings) if (!worst || RANK[f.severity] > RANK[worst]) worst = f.severity;
  return worst;
}

export function PathField({ path, also = [], children, cell, className, as = 'div', colSpan }: Props) {
  const ctx = useEditor();
  const { findings, active } = useFieldMarks(path, also);
  const returns = [path, ...also].flatMap((p) => ctx.returnsAt(p));
  const worst = worstSeverity(findings);
  const cls = [
    'jx-field',
    cell ? 'jx-field-cell' : '',
    worst ? `jx-flag-${worst}` : '',
    returns.length ? 'jx-returned' : '',
    active ? 'jx-field-active' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const title = findings.length ? findings.map((f) => `【${SEVERITY_LABEL[f.severity]}】${f.message}`).join('\n') : undefined;
  const Tag = as;
  return (
    <Tag className={cls} data-path={path} data-also={also.length ? also.join(' ') : undefined} title={title} colSpan={colSpan}>
      {children}
      {returns.length > 0 &&
        (cell ? (
          <Tooltip title={returns.map((r) => `退回意见：${r.reason}`).join('\n')}>
            <span className="jx-return-badge" aria-label="退回意见">退</span>
          </Tooltip>
        ) : (
          returns.map((r, i) => (
            <div key={i} className="jx-return-note" role="note">
              退回意见：{r.reason}
            </div>
          ))
        ))}
    </Tag>
  );
}
