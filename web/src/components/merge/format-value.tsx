// A field value as a person reads it in a comparison: text as text, blanks as （空）, lists summarised.
export function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '（无）';
    const names = v.map((x) => (x && typeof x === 'object' ? ((x as Record<string, unknown>).institution ?? (x as Record<string, unknown>).name ?? (x as Record<string, unknown>).heading) : x)).filter((x) => typeof x === 'string' && x);
    return names.length ? `共 ${v.length} 项：${names.join('、')}` : `共 ${v.length} 项`;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const parts = Object.entries(o).filter(([, x]) => x !== null && x !== '' && typeof x !== 'object').map(([k, x]) => `${k}: ${String(x)}`);
    return parts.length ? parts.join('；') : '（空）';
  }
  return String(v);
}
