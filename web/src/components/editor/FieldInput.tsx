// One field of the form as the editor shows it: its label (and the required mark) from the form
// descriptor, the input its type asks for, the placeholder or default, the bound on its length.
import { memo } from 'react';
import type { FieldDef } from '../../../../src/core/forms/index';
import { getAt } from '../../lib/paths';
import { useEditor } from './editor-context';
import { AmountField, AreaField, DateField, Labeled, NumberField, SelectField, TextField } from './fields';

/** The name the editor gives a field: its short name when the form has one. */
export const editorLabel = (f: FieldDef) => f.short ?? f.label;

export const FieldInput = memo(function FieldInput({ field, value, grades, year }: { field: FieldDef; value: unknown; grades?: readonly string[]; year?: number | null }) {
  const ctx = useEditor();
  const name = editorLabel(field);
  const limit = field.maxLength ?? (field.type === 'longText' ? ctx.form.limits.longText : ctx.form.limits.text);
  // a placeholder names the report's own year ("如：2025年度…"), never the template's example year
  const hint = (field.placeholder ?? field.default)?.replaceAll('{year}', year != null ? String(year) : '本');
  const common = { path: field.path, ariaLabel: name, placeholder: hint };
  let input;
  switch (field.type) {
    case 'longText':
      input = <AreaField {...common} value={(value as string) ?? ''} minRows={field.height ? 4 : 3} maxLength={limit} />;
      break;
    case 'count':
      input = <NumberField {...common} value={value as number | null} suffix={field.unit} />;
      break;
    case 'score':
      input = <NumberField {...common} value={value as number | null} decimals={2} max={100} suffix={field.unit} />;
      break;
    case 'date':
      input = <DateField {...common} value={value as string | null} />;
      break;
    case 'amount':
      input = <AmountField {...common} value={value as string | null} cell={false} />;
      break;
    case 'grade':
      input = <SelectField {...common} value={(value as string) || null} options={grades ?? []} allowFree />;
      break;
    default:
      input = <TextField {...common} value={(value as string) ?? ''} maxLength={limit} />;
  }
  return (
    <Labeled label={name} required={field.required} span={field.type === 'longText' || field.wide ? 2 : 1}>
      {input}
    </Labeled>
  );
});

/** The value of a field in the report. */
export function fieldValue(report: unknown, f: FieldDef): unknown {
  return getAt(report, f.path);
}
