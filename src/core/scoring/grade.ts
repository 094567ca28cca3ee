// 评价等次 from a total: half-open bands [min, next min), so 89.995 is still 良 and 90 is 优.
import type { GradeBand } from '../model/template';

type Band = Pick<GradeBand, 'min' | 'label'> & { aliases?: readonly string[] };

/** The band a score falls in: the one with the greatest min not above the score. No sorting needed. */
function bandFor<B extends Band>(score: number, bands: readonly B[]): B | null {
  let best: B | null = null;
  for (const b of bands) if (score >= b.min && (best === null || b.min > best.min)) best = b;
  return best;
}

export function gradeFor(score: number | null | undefined, bands: readonly Band[]): string | null {
  if (score == null || !Number.isFinite(score)) return null;
  return bandFor(score, bands)?.label ?? null;
}

const SPACE = /[\s\u00a0\u3000]+/g;

/** Whether a written 评价等次 names the band of the score, by its label or any alias ("优" for 优秀). */
export function gradeMatches(
  label: string | null | undefined,
  score: number | null | undefined,
  bands: readonly Band[],
): boolean {
  if (label == null || score == null || !Number.isFinite(score)) return false;
  const written = label.replace(SPACE, '');
  if (written === '') return false;
  const band = bandFor(score, bands);
  if (!band) return false;
  if (band.label.replace(SPACE, '') === written) return true;
  return (band.aliases ?? []).some((a) => a.replace(SPACE, '') === written);
}
