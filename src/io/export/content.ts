// What the printed form says, once for every format (HTML/PDF, DOCX, XLSX): the indicator texts with
// operator, value and unit, the 评分表 lines, and the sign-off blocks resolved against the signature
// records. Two renderings share it: `official` (what is handed in, signed and published: the template's
// form and the department's own words only) and `review` (the same layout with the checker's findings
// and the computed scores, for the preview and for reviewers).
import type { FormDescriptor } from '../../core/forms/index';
import type { Indicator, Report, Signoff } from '../../core/model/report';
import { ITEM_STATUS_LABEL, type ScoreItem, type Scorecard } from '../../core/model/score';

export const RENDERINGS = ['official', 'review'] as const;
export type Rendering = (typeof RENDERINGS)[number];
/** How each rendering is named wherever a user picks one (CLI help, downloads, publication). */
export const RENDERING_LABEL: Record<Rendering, string> = { official: '正式版（无检查标记）', review: '审阅版（标注检查发现）' };

export function isRendering(s: string): s is Rendering {
  return (RENDERINGS as readonly string[]).includes(s);
}

const COMPARATIVE = /[≥≤><=＞＜＝]|不[低高少多超]于|[高低大小多少]于|以[上下内]|至[少多]|不超过|达到|及以上|及以下/;

/**
 * 指标值 as printed: "≥50次". The target as written when it already states the value, its unit and its
 * comparison; otherwise composed from operator, value and unit (an importer that split "≥ 50 次" into
 * its parts keeps only "50" as written).
 */
export function targetText(ind: Indicator): string {
  const written = ind.target.trim();
  const value = ind.targetValue ?? '';
  if (!value) return written;
  const hasUnit = !ind.unit || written.includes(ind.unit);
  const hasOp = !ind.operator || ind.operator === '=' || COMPARATIVE.test(written);
  if (written && written.includes(value) && hasUnit && hasOp) return written;
  return `${ind.operator && ind.operator !== '=' ? ind.operator : ''}${value}${ind.unit}`;
}

/** 完成值 as printed: as written, with the indicator's unit after a bare number ("52" → "52次"). */
export function actualText(ind: Indicator): string {
  const written = ind.actual.trim();
  if (!written) return ind.actualValue ? `${ind.actualValue}${ind.unit}` : '';
  return ind.unit && /^[-+]?\d+(\.\d+)?$/.test(written) ? `${written}${ind.unit}` : written;
}

/**
 * The 绩效目标 cell: the indicator as written, with its 指标值 appended in the form's words when the name
 * does not already state it: "开展活动（目标值：≥50次）". The DOCX importer reads the suffix back.
 */
export function indicatorTargetText(form: FormDescriptor, ind: Indicator): string {
  const target = targetText(ind);
  const name = ind.name.trim();
  if (!target || name.includes(target)) return name;
  return name ? `${name}（${form.indicators.printed.targetValue}：${target}）` : target;
}

/** 完成情况, with the 偏差原因 under it when there is one (the form has no column for it). */
export function indicatorResultText(form: FormDescriptor, ind: Indicator): string {
  const reason = ind.deviationReason.trim();
  const actual = actualText(ind);
  return reason ? `${actual}\n${form.indicators.printed.reason}：${reason}` : actual;
}

export function points(n: number | null | undefined): string {
  return n == null ? '' : String(Math.round(n * 100) / 100);
}

/** One line of the printed 评分表. */
export interface ScoreLine {
  id: string;
  levels: [string, string, string];
  weight: number;
  /** official: the department's claim ('' when it claimed none); review: the claim, else the computed state */
  score: string;
  /** official: the team's own note; review: the checker's explanation and deductions as well */
  notes: string[];
  /** the score is a number (right-aligned) */
  numeric: boolean;
}

export interface ScoreTable {
  lines: ScoreLine[];
  weight: number;
  total: string;
  grade: string;
}

/** 一级 / 二级 / 三级 from the item's path and name; deeper trees fold their middle levels into 二级. */
export function scoreLevels(item: ScoreItem): [string, string, string] {
  const names = [...item.path];
  if (names[names.length - 1] !== item.name) names.push(item.name);
  if (names.length <= 3) return [names[0] ?? '', names.length === 3 ? names[1]! : '', names[names.length - 1] ?? ''];
  return [names[0]!, names.slice(1, -1).join(' / '), names[names.length - 1]!];
}

/**
 * The 评分表 as printed. Official: the template's items with the self-scores the department claimed and
 * its notes, the total and grade the report states — never the checker's states or the template's own
 * notes about its gaps. Review: the claim where there is one, else the computed score or state, with the
 * computation's explanation.
 */
export function scoreTable(report: Report, score: Scorecard, rendering: Rendering): ScoreTable {
  const claims = new Map(report.scoreSheet.map((c) => [c.itemId, c]));
  const lines = score.items.map((it): ScoreLine => {
    const claim = claims.get(it.id);
    const claimed = claim?.notApplicable ? ITEM_STATUS_LABEL.notApplicable : points(claim?.score ?? it.claimed);
    const own = claim?.note.trim() ? [claim.note.trim()] : [];
    if (rendering === 'official') return { id: it.id, levels: scoreLevels(it), weight: it.weight, score: claimed, notes: own, numeric: claimed !== ITEM_STATUS_LABEL.notApplicable };
    const computed = it.status === 'scored' ? points(it.score) : ITEM_STATUS_LABEL[it.status];
    const notes = [it.explanation, ...it.deductions.map((d) => `扣${points(d.points)}分：${d.reason}`), ...own].filter(Boolean);
    if (claimed && it.status === 'scored' && it.score != null && claimed !== points(it.score)) notes.push(`系统核算得分：${computed}分`);
    const shown = claimed || computed;
    return { id: it.id, levels: scoreLevels(it), weight: it.weight, score: shown, notes, numeric: claimed !== '' || it.status === 'scored' };
  });
  const weight = score.items.reduce((s, it) => s + it.weight, 0);
  const perf = report.performance;
  if (rendering === 'official') return { lines, weight, total: points(perf.selfScore), grade: perf.grade };
  return { lines, weight, total: points(score.total ?? score.claimed.score), grade: score.grade ?? score.claimed.grade };
}

/** A signature record as the printed form needs it (the server's signature table, resolved). */
export interface PrintedSignature {
  role: 'evaluator' | 'leader' | 'head' | 'reviewer';
  signerName: string;
  /** ISO timestamp */
  signedAt: string;
  /** the verification code the public site resolves */
  code: string;
  /** false once the content the signer attested changed */
  valid: boolean;
}

const BLOCK_OF_ROLE = { leader: 'leader', head: 'department', reviewer: 'finance' } as const;
type BlockKey = keyof Report['signoffs'];

/** A sign-off block as printed: what the document says, or the signature record that fills it. */
export interface PrintedBlock extends Signoff {
  /** the valid signature's verification code */
  code: string;
  /** a signature exists for the block but no longer matches: the block prints no signature */
  void: boolean;
}

/**
 * The sign-off blocks and evaluator signatures to print. A valid signature fills its block with the
 * signer and the date; a void one (content changed after signing) prints neither in the official form —
 * the blank lines of the paper form — and is marked in the review copy. Without a record, the block shows
 * what the document holds (a form filled in by hand before import).
 */
export function printedSignoffs(report: Report, signatures: readonly PrintedSignature[] = []): {
  blocks: Record<BlockKey, PrintedBlock>;
  /** per evaluator row: the 签字 cell and its code */
  evaluators: Array<{ signature: string; code: string }>;
} {
  const blocks = {} as Record<BlockKey, PrintedBlock>;
  for (const key of Object.keys(report.signoffs) as BlockKey[]) {
    const s = report.signoffs[key];
    const role = (Object.keys(BLOCK_OF_ROLE) as Array<keyof typeof BLOCK_OF_ROLE>).find((r) => BLOCK_OF_ROLE[r] === key);
    const mine = signatures.filter((g) => g.role === role);
    const latest = mine[mine.length - 1];
    if (!latest) blocks[key] = { ...s, code: '', void: false };
    else if (latest.valid) blocks[key] = { ...s, signer: latest.signerName, date: latest.signedAt.slice(0, 10), code: latest.code, void: false };
    else blocks[key] = { ...s, signer: '', date: null, code: '', void: true };
  }
  const evaluators = report.evaluators.map((e) => {
    const g = [...signatures].reverse().find((x) => x.role === 'evaluator' && x.signerName === e.name.trim());
    if (!g) return { signature: e.signature, code: '' };
    return g.valid ? { signature: `${g.signerName} ${g.signedAt.slice(0, 10)}`, code: g.code } : { signature: '', code: '' };
  });
  return { blocks, evaluators };
}

/** "验证码：AB12-CD34-EF56" as printed under a signature. */
export function codeLine(code: string): string {
  return code ? `电子签名验证码：${code}` : '';
}
