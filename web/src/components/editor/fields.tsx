// Inputs bound to a report path. Each keeps what the user is typing as text and writes the model only
// with valid values: amounts as canonical 万元 strings (core money.ts), counts as integers, dates as ISO.
import { DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { memo, useEffect, useState, type ReactNode } from 'react';
import { readAmount } from '../../../../src/core/money';
import { useEditor } from './editor-context';
import { PathField } from './PathField';

interface Base {
  path: string;
  also?: readonly string[];
  cell?: boolean;
  placeholder?: string;
  ariaLabel?: string;
  /** the cell's place in a spreadsheet-like table (lib/grid-keys.ts moves between these) */
  gridRow?: number;
  gridCol?: number;
}

const gridAttrs = (row: number | undefined, col: number | undefined) => (row === undefined || col === undefined ? {} : { 'data-grid-row': row, 'data-grid-col': col });

/** Text the user is typing; re-synced from the model when the model changes to something else. */
function useDraft<T>(value: T, toText: (v: T) => string, sameAs: (text: string, v: T) => boolean) {
  const [text, setText] = useState(() => toText(value));
  useEffect(() => {
    setText((t) => (sameAs(t, value) ? t : toText(value)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return [text, setText] as const;
}

export const TextField = memo(function TextField({ path, also, cell, placeholder, ariaLabel, value, maxLength, gridRow, gridCol }: Base & { value: string; maxLength?: number }) {
  const ctx = useEditor();
  const editable = ctx.canEdit(path);
  return (
    <PathField path={path} also={also} cell={cell}>
      <Input
        value={value}
        readOnly={!editable}
        variant={editable ? 'outlined' : 'borderless'}
        placeholder={editable ? placeholder : '（未填写）'}
        aria-label={ariaLabel}
        maxLength={maxLength}
        onChange={(e) => ctx.change(path, e.target.value)}
        {...gridAttrs(gridRow, gridCol)}
      />
    </PathField>
  );
});

export const AreaField = memo(function AreaField({ path, also, cell, placeholder, ariaLabel, value, minRows = 2, maxLength, gridRow, gridCol }: Base & { value: string; minRows?: number; maxLength?: number }) {
  const ctx = useEditor();
  const editable = ctx.canEdit(path);
  return (
    <PathField path={path} also={also} cell={cell}>
      <Input.TextArea
        value={value}
        readOnly={!editable}
        variant={editable ? 'outlined' : 'borderless'}
        placeholder={editable ? placeholder : '（未填写）'}
        aria-label={ariaLabel}
        maxLength={maxLength}
        autoSize={{ minRows, maxRows: 24 }}
        onChange={(e) => ctx.change(path, e.target.value)}
        {...gridAttrs(gridRow, gridCol)}
      />
    </PathField>
  );
});

export const AMOUNT_MESSAGE = '金额须为万元数，最多 6 位小数，例如 87.2217';

/** A 万元 amount cell. `onValue` lets a table add its own effect (the summary row) to the write. */
export const AmountField = memo(function AmountField({
  path,
  also,
  cell = true,
  ariaLabel,
  value,
  onValue,
  readOnly,
  gridRow,
  gridCol,
}: Base & { value: string | null; onValue?: (v: string | null) => void; readOnly?: boolean }) {
  const ctx = useEditor();
  const editable = !readOnly && ctx.canEdit(path);
  const [text, setText] = useDraft(
    value,
    (v) => v ?? '',
    (t, v) => {
      const p = readAmount(t);
      return (p.kind === 'blank' && v == null) || (p.kind === 'amount' && p.value === v) || p.kind === 'invalid';
    },
  );
  const parsed = readAmount(text);
  const invalid = parsed.kind === 'invalid';
  const write = (raw: string) => {
    setText(raw);
    const p = readAmount(raw);
    if (p.kind === 'invalid') return;
    const next = p.kind === 'blank' ? null : p.value;
    if (next === value) return;
    if (onValue) onValue(next);
    else ctx.change(path, next);
  };
  return (
    <PathField path={path} also={also} cell={cell} className={invalid ? 'jx-invalid' : undefined}>
      <Input
        className="jx-amount"
        value={text}
        readOnly={!editable}
        variant={editable ? 'outlined' : 'borderless'}
        status={invalid ? 'error' : undefined}
        inputMode="decimal"
        aria-label={ariaLabel}
        aria-invalid={invalid || undefined}
        onChange={(e) => write(e.target.value)}
        onBlur={() => {
          // show the canonical form once the user leaves the cell ("1,234.50" → "1234.50")
          if (parsed.kind === 'amount' && parsed.value !== text) setText(parsed.value);
        }}
        {...gridAttrs(gridRow, gridCol)}
      />
      {invalid && <div className="jx-field-error">{AMOUNT_MESSAGE}</div>}
    </PathField>
  );
});

/** A count (人员编制, 实有人数) or a small number (得分): integers, or decimals when `decimals` > 0. */
export const NumberField = memo(function NumberField({
  path,
  also,
  cell,
  ariaLabel,
  value,
  decimals = 0,
  max,
  suffix,
}: Base & { value: number | null; decimals?: number; max?: number; suffix?: ReactNode }) {
  const ctx = useEditor();
  const editable = ctx.canEdit(path);
  const pattern = decimals > 0 ? new RegExp(`^\\d{1,7}(\\.\\d{1,${decimals}})?$`) : /^\d{1,7}$/;
  const read = (t: string): number | null | undefined => {
    const s = t.trim();
    if (s === '') return null;
    if (!pattern.test(s)) return undefined;
    const n = Number(s);
    return max != null && n > max ? undefined : n;
  };
  const [text, setText] = useDraft(
    value,
    (v) => (v == null ? '' : String(v)),
    (t, v) => read(t) === v || read(t) === undefined,
  );
  const invalid = read(text) === undefined;
  const message = decimals > 0 ? `请填写数字${max != null ? `（0–${max}）` : ''}，最多 ${decimals} 位小数` : `请填写整数${max != null ? `（0–${max}）` : ''}`;
  return (
    <PathField path={path} also={also} cell={cell} className={invalid ? 'jx-invalid' : undefined}>
      <Input
        value={text}
        readOnly={!editable}
        variant={editable ? 'outlined' : 'borderless'}
        status={invalid ? 'error' : undefined}
        inputMode={decimals > 0 ? 'decimal' : 'numeric'}
        aria-label={ariaLabel}
        suffix={suffix}
        onChange={(e) => {
          setText(e.target.value);
          const v = read(e.target.value);
          if (v !== undefined && v !== value) ctx.change(path, v);
        }}
      />
      {invalid && <div className="jx-field-error">{message}</div>}
    </PathField>
  );
});

export const DateField = memo(function DateField({ path, also, cell, ariaLabel, value }: Base & { value: string | null }) {
  const ctx = useEditor();
  const editable = ctx.canEdit(path);
  const d = value ? dayjs(value) : null;
  return (
    <PathField path={path} also={also} cell={cell}>
      {editable ? (
        <DatePicker
          value={d && d.isValid() ? d : null}
          format="YYYY年M月D日"
          placeholder="选择日期"
          aria-label={ariaLabel}
          style={{ width: '100%' }}
          onChange={(v) => ctx.change(path, v ? v.format('YYYY-MM-DD') : null)}
        />
      ) : (
        <Input readOnly variant="borderless" aria-label={ariaLabel} value={d && d.isValid() ? d.format('YYYY年M月D日') : ''} />
      )}
    </PathField>
  );
});

export const SelectField = memo(function SelectField({
  path,
  also,
  cell,
  ariaLabel,
  value,
  options,
  onValue,
  allowFree,
  placeholder = '请选择',
  gridRow,
  gridCol,
}: Base & { value: string | null; options: readonly string[]; onValue?: (v: string | null) => void; allowFree?: boolean }) {
  const ctx = useEditor();
  const editable = ctx.canEdit(path);
  const opts = [...new Set([...(value && allowFree ? [value] : []), ...options])].map((o) => ({ value: o, label: o }));
  const select = (
    <Select
      value={value || undefined}
      options={opts}
      disabled={!editable}
      variant={editable ? 'outlined' : 'borderless'}
      allowClear={editable}
      placeholder={editable ? placeholder : ''}
      aria-label={ariaLabel}
      style={{ width: '100%' }}
      onChange={(v: string | undefined) => (onValue ? onValue(v ?? null) : ctx.change(path, v ?? (allowFree ? '' : null)))}
    />
  );
  return (
    <PathField path={path} also={also} cell={cell}>
      {gridRow === undefined ? select : <div {...gridAttrs(gridRow, gridCol)}>{select}</div>}
    </PathField>
  );
});

/** A label and its field, laid out as one row of a form. */
export function Labeled({ label, children, required, span = 1 }: { label: ReactNode; children: ReactNode; required?: boolean; span?: 1 | 2 }) {
  return (
    <div className={`jx-labeled jx-span-${span}`}>
      <label className="jx-label">
        {required && <span className="jx-required">*</span>}
        {label}
      </label>
      <div className="jx-control">{children}</div>
    </div>
  );
}
