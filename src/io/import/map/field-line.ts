// One line holding several label–value pairs: a table row flattened with spaces or colons
// ("联系人 吴俊 联络电话 8690022", "人员编制：21人  实有人数：20人"). Split it into the cells the row had, so
// the section parsers see the same label and value tokens as in the tab and pipe forms.
import { allMatches } from '../../../core/matches';
import { ROW_FIELD_LABELS as LABELS } from './labels';
import { HAS_GLOSS, PINYIN_GLOSS } from './normalize';
import { hasTraditional, toSimplifiedAligned } from './simplified';

// The preparer line (填报人：… 联系电话：…) is the sign-off parser's: its phone is the preparer's own.
const PREPARER = /^\s*填\s*报\s*人/;
// A pinyin gloss may follow any character of a label in web copies: 聯(lián)係人.
const GLOSS = `(?:${PINYIN_GLOSS})?`;
const GLOSSED_LABEL = new RegExp(`(?:${LABELS.map((l) => Array.from(l).join(GLOSS) + GLOSS).join('|')})`, 'g');
// Without a gloss in the line the plain alternation does, many times faster.
const LABEL = new RegExp(LABELS.join('|'), 'g');
const MAX_LINE = 120;

/** The cells of a line with two or more field labels ([label, value, label, value…]), else null. */
export function splitFieldLine(raw: string): string[] | null {
  if (raw.length > MAX_LINE || raw.includes('\n')) return null;
  // The simplified line keeps every position, so match positions are positions in the raw line.
  const simple = hasTraditional(raw) ? toSimplifiedAligned(raw) : raw;
  if (PREPARER.test(simple)) return null;
  const glossed = (simple.includes('(') || simple.includes('（')) && HAS_GLOSS.test(simple);
  const hits = allMatches(glossed ? GLOSSED_LABEL : LABEL, simple);
  if (hits.length < 2) return null;
  const cells: string[] = [];
  const before = raw.slice(0, hits[0]!.index).trim();
  if (before) cells.push(before);
  hits.forEach((m, k) => {
    const end = m.index! + m[0].length;
    cells.push(raw.slice(m.index, end));
    cells.push(raw.slice(end, hits[k + 1]?.index ?? raw.length).replace(/^[\s:：]+/, '').trim());
  });
  return cells;
}
