// Table cells that know where their value lives in the Report (data-path) and whether a finding points
// at it, so the web UI can jump to a cell by path and the printed copy shows what the checker flagged.
import type { FormDescriptor } from '../../../core/forms/index';
import type { PrintedSignature, Rendering } from '../content';
import type { Finding, Severity } from '../../../core/model/finding';
import { attr, esc } from './escape';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export class RenderContext {
  private readonly byPath = new Map<string, Finding[]>();

  /** `form`: the report's form, whose words every label of the page is */
  constructor(
    readonly form: FormDescriptor,
    findings: readonly Finding[] = [],
    readonly rendering: Rendering = 'official',
    readonly signatures: readonly PrintedSignature[] = [],
  ) {
    for (const f of findings) {
      if (!f.path) continue;
      const list = this.byPath.get(f.path);
      if (list) list.push(f);
      else this.byPath.set(f.path, [f]);
    }
  }

  /**
   * Attributes for an element showing the value at `path`: data-path, plus a flag class, the codes and a
   * tooltip when findings point at it. `also` lists paths whose findings belong to the same cell (the
   * 绩效目标 cell shows an indicator's name and its target value).
   */
  attrs(path: string, also: readonly string[] = [], cls = ''): string {
    const found = [path, ...also].flatMap((p) => this.byPath.get(p) ?? []);
    const classes = cls ? [cls] : [];
    let extra = '';
    if (found.length > 0) {
      const worst = found.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a));
      classes.push('jx-flag', `jx-flag-${worst.severity}`);
      extra =
        attr('data-finding', [...new Set(found.map((f) => f.code))].join(' ')) +
        attr('title', found.map((f) => f.message).join('\n'));
    }
    return attr('data-path', path) + attr('class', classes.join(' ')) + extra;
  }
}

export interface CellOptions {
  /** report path of the value shown; omitted for labels */
  path?: string;
  also?: readonly string[];
  colspan?: number;
  rowspan?: number;
  cls?: string;
  /** header cell (th) instead of data cell */
  head?: boolean;
}

function spans(o: { colspan?: number; rowspan?: number }): string {
  return (o.colspan && o.colspan > 1 ? ` colspan="${o.colspan}"` : '') + (o.rowspan && o.rowspan > 1 ? ` rowspan="${o.rowspan}"` : '');
}

/** A cell around already-escaped HTML. */
export function cellHtml(ctx: RenderContext, html: string, o: CellOptions = {}): string {
  const tag = o.head ? 'th' : 'td';
  const a = o.path != null ? ctx.attrs(o.path, o.also, o.cls) : attr('class', o.cls);
  return `<${tag}${spans(o)}${a}>${html}</${tag}>`;
}

/** A cell holding one plain-text value (escaped here). */
export function cell(ctx: RenderContext, text: string | number | null | undefined, o: CellOptions = {}): string {
  return cellHtml(ctx, esc(text), o);
}

/**
 * A printed label as HTML: \n breaks the line there; the spaces a Word form spreads a short label with
 * ("姓  名") would collapse in HTML, so each run of them is one ideographic space.
 */
export function printed(text: string): string {
  return text.split('\n').map((l) => esc(l.replace(/ {2,}/g, '\u3000'))).join('<br>');
}

/** A label cell as printed on the form (never user input, still escaped). */
export function label(text: string, o: Omit<CellOptions, 'path' | 'also'> = {}): string {
  const tag = o.head === false ? 'td' : 'th';
  return `<${tag}${spans(o)}${attr('class', o.cls ?? 'jx-label')}>${printed(text)}</${tag}>`;
}

/**
 * A form table inside its frame. The frame, not the table, draws the outer lines: Chromium leaves a table
 * open where a page break cuts it, while a block's border is repeated on every page (box-decoration-break),
 * so a table that runs onto the next page is closed at the bottom of one and reopened at the top of the next.
 */
export function framed(table: string, cls = ''): string {
  return `<div class="jx-frame${cls ? ` ${cls}` : ''}">${table}</div>`;
}

/** A section bar (一、… 五、…): a one-cell row of the form, kept with what follows it. */
export function sectionBar(text: string): string {
  return framed(`<table class="jx-form jx-sec"><tbody><tr><th>${esc(text)}</th></tr></tbody></table>`, 'jx-frame-sec');
}

/** Column widths in percent, so every table of the form lines up on a fixed layout. */
export function colgroup(widths: readonly number[]): string {
  return `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>`;
}

/** rowspan for runs of equal keys: the run's length at its first row, 0 (no cell) inside the run. */
export function rowSpans(keys: readonly string[]): number[] {
  const out = keys.map(() => 0);
  for (let i = 0; i < keys.length; ) {
    let j = i + 1;
    while (j < keys.length && keys[j] === keys[i]) j++;
    out[i] = j - i;
    i = j;
  }
  return out;
}
