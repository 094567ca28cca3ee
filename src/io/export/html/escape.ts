// Every value in a report is user input, so nothing reaches the markup unescaped: text goes through
// esc(), attribute values through attr(). Both escape the same five characters, which is enough for
// HTML text and double-quoted attributes (we never write unquoted attributes or values into scripts/URLs).

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/g;
// C0 controls other than tab/newline are invalid in HTML and can confuse viewers; Word pastes them.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function esc(value: string | number | null | undefined): string {
  if (value == null) return '';
  return String(value).replace(CONTROL, '').replace(SPECIAL, (c) => ENTITY[c] ?? c);
}

/** ` name="value"` with the value escaped; empty string when the value is absent. */
export function attr(name: string, value: string | number | null | undefined): string {
  if (value == null || value === '') return '';
  return ` ${name}="${esc(value)}"`;
}
