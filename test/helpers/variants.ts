// Synthetic damaged forms of the seed, as real published copies carry them (fixtures/real-excerpts).
import { ConverterFactory } from 'opencc-js/core';
import ST_CHARACTERS from 'opencc-js/dict/STCharacters';
import ST_PHRASES from 'opencc-js/dict/STPhrases';

/** OpenCC's s2t: what the portals that republish mainland pages in traditional characters do. */
const toTraditionalText = ConverterFactory([ST_PHRASES, ST_CHARACTERS]);

/** Rows of TAB cells → web-copy pipes: "cell |" after each cell's last line, a line of pipes between rows. */
export function toPipes(text: string): string {
  const out: string[] = [];
  let inCell = false;
  const closeCell = () => {
    if (inCell) out[out.length - 1] += ' |';
    inCell = false;
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) {
      closeCell();
      out.push(line.slice(1));
      inCell = true;
    } else if (line.trim() === '') {
      if (inCell) {
        closeCell();
        out.push('||||||||||||||||');
      } else out.push(line);
    } else out.push(line);
  }
  closeCell();
  return out.join('\n');
}

/** Cells as lone paragraphs separated by blank lines (row structure and empty cells lost). */
export function toPlain(text: string): string {
  return text
    .split('\n')
    .map((l) => (l.startsWith('\t') ? l.slice(1) : l))
    .filter((l) => l.trim() !== '')
    .join('\n\n');
}

/** Traditional characters in every label-ish short line, with a pinyin gloss after 评/价/报. */
export function toTraditional(text: string): string {
  const glossed: Record<string, string> = { 評: '評(píng)', 價: '價(jià)', 報: '報(bào)', 聯: '聯(lián)', 數: '數(shù)' };
  return text
    .split('\n')
    .map((line) => {
      if (line.replace(/\s/g, '').length > 30) return line;
      const trad = toTraditionalText(line);
      return Array.from(trad, (c) => glossed[c] ?? c).join('');
    })
    .join('\n');
}

/** The whole text in traditional characters, prose and values too: a portal's traditional edition of a page. */
export function toTraditionalAll(text: string): string {
  return toTraditionalText(text);
}

/** '年' printed as '-' in the title and labels (年度 → -度, 上年结转 → 上-结转), spaced year digits. */
export function yearAsDash(text: string): string {
  return text.replace(/2021年度部门/, '20 21 -度部门').replace(/年度主要/g, '-度主要').replace(/上年结转/g, '上-结转');
}

export function withoutColons(text: string): string {
  return text.replace(/(部门\(单位\)名称|部门（单位）名称|预 算 编 码|评价方式|评价机构)：/g, '$1 ');
}

export function withChrome(text: string): string {
  return ['当前位置: 首页 > 政务公开 > 财政资金', '湖南城陵矶新港区党群工作部2021年度整体支出绩效自评报告', '2022-07-01 09:30 来源:党群工作部', '浏览量:12 | | | |', '', text].join('\n');
}
