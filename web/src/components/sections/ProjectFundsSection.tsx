// 项目资金（万元） of a 项目支出绩效自评表: the form's rows (年度资金总额, 其中 …) by its amount columns, and on the
// total row the 执行率 line (分值 | 执行率 | 得分) with what the amounts give beside what is written.
import { memo } from 'react';
import type { SectionDef } from '../../../../src/core/forms/index';
import type { FundRowKey, Project } from '../../../../src/core/model/report';
import { execution } from '../../../../src/core/project/execution';
import { useEditor } from '../editor/editor-context';
import { AmountField, NumberField, TextField } from '../editor/fields';
import { Section } from './Section';

const lines = (t: string) => t.split('\n').map((l, i) => <div key={i}>{l}</div>);

export const ProjectFundsSection = memo(function ProjectFundsSection({ section, project }: { section: SectionDef; project: Project | undefined }) {
  const ctx = useEditor();
  const f = ctx.form.project!.funds;
  const e = project ? execution(project) : null;
  const [weight, rate, score] = f.execution;
  return (
    <Section id={`sec-${section.key}`} title={section.label}>
      <table className="jx-fin" data-table="projectFunds">
        <thead>
          <tr>
            <th />
            {[...f.columns, ...f.execution].map((c) => (
              <th key={c.key}>{lines(c.print ?? c.label)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {f.rows.map((r, n) => {
            const key = r.key as FundRowKey;
            const name = n === 1 && f.partsPrefix ? `${f.partsPrefix}${r.label}` : r.label;
            return (
              <tr key={key}>
                <th scope="row">{name}</th>
                {f.columns.map((c) => (
                  <td key={c.key}>
                    <AmountField path={`project.funds.${key}.${c.key}`} value={project?.funds[key][c.key as 'initial'] ?? null} ariaLabel={`${r.label}${c.label}`} />
                  </td>
                ))}
                {n === 0 ? (
                  <>
                    <td>
                      <NumberField path="project.executionWeight" value={project?.executionWeight ?? null} decimals={2} max={100} ariaLabel={weight!.label} cell />
                    </td>
                    <td>
                      <TextField path="project.executionRate" value={project?.executionRate ?? ''} ariaLabel={rate!.label} placeholder={e?.kind === 'rate' ? e.percent : ''} cell />
                    </td>
                    <td>
                      <NumberField path="project.executionScore" value={project?.executionScore ?? null} decimals={2} max={100} ariaLabel={score!.label} cell />
                    </td>
                  </>
                ) : (
                  <td colSpan={3} className="jx-muted">—</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {e?.kind === 'rate' && (
        <div className="jx-hint" role="status">
          按{f.columns[2]!.label}÷{f.columns[1]!.label}：{rate!.label} {e.percent}，{score!.label} {e.score}（{weight!.label} {e.weight}，{rate!.label}超过100%按100%计）
        </div>
      )}
    </Section>
  );
});
