// How values are written on the printed form: Chinese dates, blank-able numbers, paragraphs.
import { esc } from './escape';

function dateParts(iso: string | null | undefined): [number, number, number] | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** "2022-06-21" → "2022年6月21日" (the cover's 报告日期 form); '' when unknown. */
export function chineseDate(iso: string | null | undefined): string {
  const p = dateParts(iso);
  return p ? `${p[0]}年${p[1]}月${p[2]}日` : '';
}

/**
 * The 年 月 日 line under a signature: filled when the date is known, otherwise the blank form line
 * with room to write the date by hand (full-width spaces so the gaps survive HTML whitespace rules).
 */
export function signDateLine(iso: string | null | undefined): string {
  const p = dateParts(iso);
  return p ? `${p[0]} 年 ${p[1]} 月 ${p[2]} 日` : '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';
}

export function numText(n: number | null | undefined): string {
  return n == null ? '' : String(n);
}

/** Lines of a multi-line value, blank lines dropped (Word's empty paragraphs carry no content). */
export function lines(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** A multi-line value as escaped <p> paragraphs, so each paragraph breaks and indents on its own. */
export function paragraphs(text: string | null | undefined, cls = ''): string {
  const c = cls ? ` class="${cls}"` : '';
  return lines(text)
    .map((l) => `<p${c}>${esc(l)}</p>`)
    .join('');
}
