// Number formats, so a cell reads as a person sees it in Excel: 46.9 under '#,##0.00' is "46.90", a date
// serial under 'yyyy"年"m"月"d"日"' is "2022-06-21", 0.956 under '0.0%' is "95.6%". Only the kind of format
// and its decimals matter here; thousands separators and colours are display, not value.
import type { OoxmlLimits } from './limits';
import { child, elements, parseXml } from './xml';
import type { ZipArchive } from './zip';

export type NumberFormat =
  | { kind: 'general' }
  | { kind: 'fixed'; decimals: number }
  | { kind: 'percent'; decimals: number }
  | { kind: 'date' };

const GENERAL: NumberFormat = { kind: 'general' };

/** Excel's built-in format ids (ECMA-376 §18.8.30) that are not General. */
const BUILT_IN: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  14: 'yyyy-mm-dd',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  22: 'yyyy-mm-dd h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  // East Asian built-ins 27–36 and 50–58 are dates
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The kind of a format code, from its first section with quoted text, [..] and escapes removed. */
export function classifyFormat(code: string): NumberFormat {
  const first = code.split(';')[0]!.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (/^\s*(General|@)?\s*$/i.test(first)) return GENERAL;
  if (/[yd]/i.test(first) || /[hs]/i.test(first) || /m/i.test(first) && !/[0#]/.test(first)) return { kind: 'date' };
  const dot = first.indexOf('.');
  const decimals = dot < 0 ? 0 : (/^[0#?]*/.exec(first.slice(dot + 1))?.[0].replace(/[#?]/g, '').length ?? 0);
  if (first.includes('%')) return { kind: 'percent', decimals };
  if (/[0#?]/.test(first)) return { kind: 'fixed', decimals };
  return GENERAL;
}

/** One NumberFormat per cell style index (the s attribute of a cell). */
export function readStyles(zip: ZipArchive, part: string, limits: OoxmlLimits): NumberFormat[] {
  if (!zip.has(part)) return [];
  const root = parseXml(zip.readText(part), part, limits);
  const custom = new Map<number, string>();
  const numFmts = child(root, 'numFmts');
  for (const f of numFmts ? elements(numFmts, 'numFmt') : []) custom.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? '');
  const xfs = child(root, 'cellXfs');
  return (xfs ? elements(xfs, 'xf') : []).map((xf) => {
    const id = Number(xf.attrs.numFmtId ?? 0);
    const code = custom.get(id) ?? BUILT_IN[id];
    return code ? classifyFormat(code) : GENERAL;
  });
}

/** A plain decimal string rounded half away from zero to `decimals` places, by string arithmetic. */
export function roundDecimal(value: string, decimals: number): string {
  const neg = value.startsWith('-');
  const [int = '0', frac = ''] = (neg ? value.slice(1) : value).split('.');
  let digits = (int + frac.padEnd(decimals, '0').slice(0, decimals)).split('').map(Number);
  if (Number(frac[decimals] ?? '0') >= 5) {
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === 9) digits[i--] = 0;
    if (i >= 0) digits[i]! += 1;
    else digits = [1, ...digits];
  }
  const s = digits.join('');
  const whole = s.slice(0, s.length - decimals).replace(/^0+(?=\d)/, '') || '0';
  const body = decimals ? `${whole}.${s.slice(s.length - decimals)}` : whole;
  return neg && /[1-9]/.test(body) ? `-${body}` : body;
}

/** Excel serial day number → ISO date (the 1900 date system; days since 1899-12-30). */
export function serialToDate(value: string): string | null {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || n > 2_958_465) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000).toISOString().slice(0, 10);
}

/** A normalised number string as the format shows it. */
export function applyFormat(value: string, format: NumberFormat | undefined): string {
  if (!format || format.kind === 'general' || !/^-?\d+(\.\d+)?$/.test(value)) return value;
  if (format.kind === 'fixed') return roundDecimal(value, format.decimals);
  if (format.kind === 'date') return serialToDate(value) ?? value;
  // percent: move the point two places, then round
  const neg = value.startsWith('-');
  const [int = '0', frac = ''] = (neg ? value.slice(1) : value).split('.');
  const shifted = `${int}${frac.padEnd(2, '0').slice(0, 2)}.${frac.slice(2) || '0'}`.replace(/^0+(?=\d)/, '');
  return `${roundDecimal(neg ? `-${shifted}` : shifted, format.decimals)}%`;
}
