// 恢复旧版本: an old version's content becomes the report's next version. What the restorer may not write
// now stays as it is today — the identity fields (the server's), and outside the department's whole-report
// scope everything but the block it writes — so a restore never does what a save by the same person could not.
import type { Report } from '../model/report';
import { FINANCE_ONLY, IDENTITY_PATHS, type EditScope } from './edit';
import { keepSignatureMarks } from './signature';

/** The report to save when `old` is restored under `scope` on top of `current`. */
export function restoredContent(current: Report, old: Report, scope: EditScope): Report {
  // the marks signing wrote stay as they are now: restoring an old name into a 签字栏 is not a signature
  if (scope === '*') return keepSignatureMarks(current, copyPaths(old, current, [...IDENTITY_PATHS, ...FINANCE_ONLY]));
  return keepSignatureMarks(current, copyPaths(current, old, scope));
}

/** `base` with the value at each dotted path taken from `from` (absent in `from` → absent in the result). */
function copyPaths(base: Report, from: Report, paths: readonly string[]): Report {
  const out = structuredClone(base) as unknown as Record<string, unknown>;
  for (const path of paths) {
    const keys = path.split('.');
    const last = keys.pop()!;
    let src: unknown = from;
    for (const k of keys) src = (src as Record<string, unknown> | undefined)?.[k];
    let dst = out;
    for (const k of keys) {
      const next = dst[k];
      if (next === null || typeof next !== 'object') dst[k] = {};
      dst = dst[k] as Record<string, unknown>;
    }
    const value = (src as Record<string, unknown> | undefined)?.[last];
    if (value === undefined) delete dst[last];
    else dst[last] = structuredClone(value);
  }
  return out as unknown as Report;
}
