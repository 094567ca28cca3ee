// A block pasted from Excel or WPS into the 评分表 (issue 11 §1): rows of 自评得分 and 说明, landing from
// the focused item on, one item per row in the sheet's order. Items scored by ticking 评分要点 or by
// counting 不符合情形, and items the template leaves 待定, take no typed score: their row's score is named
// as not pasted (its 说明 still lands). A score must be a number of points within the item's 分值.
import type { PasteProblem } from './paste';

/** One item of the sheet as the paste sees it. */
export interface ScorePasteLine {
  id: string;
  /** the item's name as the sheet prints it */
  name: string;
  weight: number;
  /** whether a score is typed for it (not a checklist, a count of violations, or 待定) */
  typed: boolean;
  score: number | null;
  note: string;
}

export interface ScorePastePlan {
  patches: Array<{ id: string; score?: number | null; note?: string }>;
  written: number;
  added: 0;
  overwrites: Array<{ cell: string; from: string; to: string }>;
  problems: PasteProblem[];
}

/** "8", "8.5", "８分", "" (blank): the points of a pasted score, null for blank, or undefined when it is none. */
export function readPastedScore(raw: string): number | null | undefined {
  const t = raw.normalize('NFKC').trim().replace(/分$/, '').trim();
  if (t === '') return null;
  return /^\d{1,3}(\.\d{1,2})?$/.test(t) ? Number(t) : undefined;
}

/** Where `grid` lands when pasted at item `row`, `column` 0 (自评得分) or 1 (说明). Pure: the caller applies the patches. */
export function planScorePaste(lines: readonly ScorePasteLine[], at: { row: number; column: number }, grid: readonly string[][]): ScorePastePlan {
  const patches: ScorePastePlan['patches'] = [];
  const problems: PasteProblem[] = [];
  const overwrites: ScorePastePlan['overwrites'] = [];
  let written = 0;
  for (const [bi, cells] of grid.entries()) {
    const line = lines[at.row + bi];
    if (!line) {
      if (cells.some((c) => c.trim())) problems.push({ blockRow: bi + 1, blockColumn: 1, message: `评分表只有 ${lines.length} 项，粘贴内容第 ${bi + 1} 行起未粘贴` });
      break;
    }
    const patch: ScorePastePlan['patches'][number] = { id: line.id };
    for (const [bj, raw] of cells.entries()) {
      const column = at.column + bj;
      const place = { blockRow: bi + 1, blockColumn: bj + 1 };
      const value = raw.trim();
      if (column > 1) {
        if (value) problems.push({ ...place, message: `超出评分表的列（自评得分、说明），“${value}”未粘贴` });
        continue;
      }
      if (column === 1) {
        if (value === line.note.trim()) continue;
        if (line.note.trim()) overwrites.push({ cell: `${line.name} 说明`, from: line.note.trim(), to: value || '（空）' });
        patch.note = value;
        written += 1;
        continue;
      }
      if (!line.typed) {
        if (value) problems.push({ ...place, message: `${line.name}：按评分要点或不符合情形计分，不直接填写得分，“${value}”未粘贴` });
        continue;
      }
      const score = readPastedScore(value);
      if (score === undefined || (score !== null && score > line.weight)) {
        problems.push({ ...place, message: `${line.name}：“${value}”不是 0～${line.weight} 分之间的得分，未粘贴` });
        continue;
      }
      if (score === line.score) continue;
      if (line.score != null) overwrites.push({ cell: `${line.name} 自评得分`, from: String(line.score), to: score == null ? '（空）' : String(score) });
      patch.score = score;
      written += 1;
    }
    if (patch.score !== undefined || patch.note !== undefined) patches.push(patch);
  }
  return { patches, written, added: 0, overwrites, problems };
}
