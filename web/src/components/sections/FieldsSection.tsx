// A section of the form's labelled fields (封面, 一、部门（单位）基本概况, 评分基础数据): the fields in the
// form's order as a grid, a list field (年度主要工作内容) as its own numbered list with add and remove.
import { Button } from 'antd';
import { memo, type ReactNode } from 'react';
import { type FieldDef, field, type SectionDef } from '../../../../src/core/forms/index';
import type { Report } from '../../../../src/core/model/report';
import { useEditor } from '../editor/editor-context';
import { editorLabel, FieldInput, fieldValue } from '../editor/FieldInput';
import { AreaField } from '../editor/fields';
import { PathField } from '../editor/PathField';
import { Section, SubTitle } from './Section';

function ListField({ f, items }: { f: FieldDef; items: readonly string[] }) {
  const ctx = useEditor();
  const editable = ctx.canEdit(f.path);
  const item = f.item ?? '';
  const full = items.length >= (f.maxItems ?? ctx.form.limits.listItems);
  return (
    <PathField path={f.path}>
      <SubTitle
        extra={
          editable && (
            <Button size="small" disabled={full} onClick={() => ctx.update(f.path, (old) => [...((old as string[]) ?? []), ''])}>
              添加{item}
            </Button>
          )
        }
      >
        {editorLabel(f)}
      </SubTitle>
      {items.length === 0 && <div className="jx-empty-line">尚未填写{item}。</div>}
      {items.map((t, i) => (
        <div key={i} className="jx-list-row">
          <span className="jx-list-no">{i + 1}.</span>
          <div className="jx-list-body">
            <AreaField path={`${f.path}[${i}]`} value={t} ariaLabel={`${item}${i + 1}`} minRows={1} maxLength={ctx.form.limits.listItem} />
          </div>
          {editable && (
            <Button
              size="small"
              type="text"
              danger
              aria-label={`删除${item}${i + 1}`}
              onClick={() => ctx.update(f.path, (old) => (old as string[]).filter((_, j) => j !== i))}
            >
              删除
            </Button>
          )}
        </div>
      ))}
    </PathField>
  );
}

interface Props {
  section: SectionDef;
  report: Report;
  hint?: ReactNode;
}

/** Re-render only when the parts of the report this section holds change. */
const sameParts = (a: Props, b: Props) =>
  a.section === b.section && a.hint === b.hint && a.section.roots.every((r) => a.report[r as keyof Report] === b.report[r as keyof Report]);

export const FieldsSection = memo(function FieldsSection({ section, report: values, hint }: Props) {
  const ctx = useEditor();
  const parts: ReactNode[] = [];
  let grid: ReactNode[] = [];
  const flush = () => {
    if (grid.length) parts.push(<div key={`g${parts.length}`} className={`jx-form-grid${section.type === 'basics' ? ' jx-form-grid-3' : ''}`} style={parts.length ? { marginTop: 12 } : undefined}>{grid}</div>);
    grid = [];
  };
  for (const path of section.fields) {
    const f = field(ctx.form, path);
    if (!f.edit) continue;
    if (f.type === 'list') {
      flush();
      parts.push(<ListField key={f.path} f={f} items={(fieldValue(values, f) as string[]) ?? []} />);
    } else grid.push(<FieldInput key={f.path} field={f} value={fieldValue(values, f)} year={values.year} />);
  }
  flush();
  return (
    <Section id={`sec-${section.key}`} title={section.label}>
      {hint}
      {parts}
    </Section>
  );
}, sameParts);
