// Inputs the import + check benchmarks and the recorded corpus share: seed-like variants (other
// departments, codes, head counts and amounts, so nothing is cached by accident) and a large report grown
// from the seed (二级机构 rows in every finance table, hundreds of indicators), in the seed's own TAB form.
import { readFileSync } from 'node:fs';

export const SEED_TEXT = readFileSync(new URL('../test/fixtures/seed-report-2021-dangqun.txt', import.meta.url), 'utf8');

/** The seed as another department wrote it: name, code, head counts and two amounts changed. */
export function seedVariant(i: number): string {
  const amount = (base: number) => (base + (i % 97) * 0.37).toFixed(2);
  return SEED_TEXT.replace('党群工作部', `第${i}工作部`)
    .replace('999236', String(100000 + i))
    .replace('\t3\n\t实有人数\n\t6', `\t${3 + (i % 9)}\n\t实有人数\n\t${4 + (i % 7)}`)
    .replaceAll('85.33', amount(85.33))
    .replaceAll('46.90', amount(46.9));
}

// The seed's rows "2、二级机构1" and "3、二级机构2" of each finance table: the label, then its empty cells.
// the seed's indicator table holds 14 indicators
const SEED_INDICATORS = 14;
const SUB_ROWS = /\t2、二级机构1\n((?:\t\n)+)\n\t3、二级机构2\n(?:\t\n)+/g;

/** One indicator row of the seed's grid under a 二级 label already set: 3 empty cells, the text, the result. */
function indicatorRow(k: number): string {
  const n = 10 + (k % 40);
  const kinds = [
    [`指标${k}：开展第${k}批次专题培训，按季度报送进度，不少于${n}次`, `${n + (k % 3)}次`],
    [`指标${k}：第${k}项工作资料审核合格率≥${90 + (k % 10)}%`, `${95 + (k % 5)}%`],
    [`指标${k}：围绕第${k}项重点任务开展调研走访，形成报告`, '已完成'],
    [`指标${k}：服务对象${k}满意率不低于${85 + (k % 15)}%`, `${90 + (k % 10)}%`],
  ] as const;
  const [text, result] = kinds[k % kinds.length]!;
  return `\t\n\t\n\t\n\t${text}\n\t${result}\n\n`;
}

/**
 * The seed grown to `subs` 二级机构 rows per finance table (amounts filled) and about `indicators`
 * indicators (the extra ones under the seed's 数量指标): 100 and 400 give a report of about 70 KB.
 */
export function largeReport(subs = 100, indicators = 400): string {
  let text = SEED_TEXT.replace(SUB_ROWS, (_all, cells: string) => {
    const width = cells.length / 2;
    let rows = '';
    for (let s = 1; s <= subs; s++) {
      const values = Array.from({ length: width }, (_, c) => `\t${c === 0 ? (s * 1.37).toFixed(2) : c % 2 ? ((s * 0.61) % 9).toFixed(2) : ''}\n`).join('');
      rows += `\t${s + 1}、二级机构${s}\n${values}\n`;
    }
    return rows.slice(0, -1);
  });
  const anchor = '\t数量指标\n';
  const at = text.indexOf(anchor);
  const rowEnd = text.indexOf('\n\n', at) + 2;
  let extra = '';
  for (let k = 0; k < indicators - SEED_INDICATORS; k++) extra += indicatorRow(k + 4);
  text = text.slice(0, rowEnd) + extra + text.slice(rowEnd);
  return text;
}
