// Reading values as people write them in reports: dates with 年/月/日 or '-', spaced years ("20 16 -度"),
// head counts ("19", "141名"), and indicator targets ("服务对象满意率高于99%").
import type { Operator } from '../../../core/model/report';
import { execPrinted, splitPrinted } from './simplified';

const DATE = /(\d{4})\s*[年\-./／]\s*(\d{1,2})\s*[月\-./／]\s*(\d{1,2})/;

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, 'Ｏ': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_YEAR = /([〇零○Ｏ一二三四五六七八九])\s*([〇零○Ｏ一二三四五六七八九])\s*([〇零○Ｏ一二三四五六七八九])\s*([〇零○Ｏ一二三四五六七八九])(?=\s*(?:年|-))/;
const CN_SMALL = /([一二三四五六七八九十]{1,3})(?=\s*[月日号])/g;

/** 1–31 written 三, 十, 十二, 二十, 二十一, 三十一; NaN otherwise. */
function cnSmall(s: string): number {
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? CN_DIGIT[s]! : NaN;
  const tens = ten === 0 ? 1 : CN_DIGIT[s.slice(0, ten)] ?? NaN;
  const units = ten === s.length - 1 ? 0 : CN_DIGIT[s.slice(ten + 1)] ?? NaN;
  return tens * 10 + units;
}

/** Official documents date in Chinese numerals: 二〇二二年六月二十一日 → 2022年6月21日. */
function arabicNumerals(raw: string): string {
  return raw
    .replace(CN_YEAR, (...d: string[]) => d.slice(1, 5).map((c) => CN_DIGIT[c]).join(''))
    .replace(CN_SMALL, (w: string) => {
      const n = cnSmall(w);
      return Number.isNaN(n) ? w : String(n);
    });
}

/** ISO date from "2022年6月21日", "2017 -7 - 25", "2019年 6月 27日", "二〇二二年六月二十一日"; null when absent or impossible. */
export function parseDate(raw: string): string | null {
  const m = DATE.exec(raw) ?? (CN_YEAR.test(raw) ? DATE.exec(arabicNumerals(raw)) : null);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An empty signature date line: "年 月 日" with no digits. */
export const BLANK_DATE_LINE = /^\s*\d{0,4}\s*年\s*\d{0,2}\s*月\s*\d{0,2}\s*日\s*$/;

/** The report year: "2021年度", "20 16 -度", "( 20 21 年度 )", "二〇二一年度", or "2021年…" as a last resort. */
export function parseYear(raw: string): number | null {
  if (CN_YEAR.test(raw) && !/\d{4}/.test(raw)) raw = arabicNumerals(raw);
  const m = /(\d\s*\d\s*\d\s*\d)\s*(?:年|-)\s*度/.exec(raw) ?? /(\d{4})\s*年/.exec(raw);
  if (!m) return null;
  const y = Number(m[1]!.replace(/\s/g, ''));
  return y >= 1990 && y <= 2100 ? y : null;
}

/** Head count: "19", "19人", "141名"; null otherwise. */
export function parseCount(raw: string): number | null {
  const m = /^\s*(\d{1,7})\s*(人|名)?\s*$/.exec(raw);
  return m ? Number(m[1]) : null;
}

/** A score: "97", "94.04", "97分"; null otherwise. */
export function parseScore(raw: string): number | null {
  const m = /^\s*(\d{1,3}(?:\.\d{1,4})?)\s*分?\s*$/.exec(raw);
  if (!m) return null;
  const v = Number(m[1]);
  return v >= 0 && v <= 100 ? v : null;
}

const UNIT =
  '%|％|‰|万元|亿元|元\\/人|元|万人次|人次|万人|个|次|人|件|场|家|项|天|日|月|年|批次|批|份|亩|万亩|公里|千米|米|平方米|小时|户|所|台|套|篇|期|课时|分';

const OPERATORS: ReadonlyArray<[RegExp, Operator]> = [
  [/^(≥|>=|≧|不低于|不少于|至少|达到|不小于)$/, '≥'],
  [/^(≤|<=|≦|不高于|不超过|不多于|控制在|不大于)$/, '≤'],
  [/^(>|高于|大于|超过|多于)$/, '>'],
  [/^(<|低于|小于|少于)$/, '<'],
  [/^(=|＝|等于|为)$/, '='],
];

const TARGET = new RegExp(
  `(≥|>=|≧|≤|<=|≦|不低于|不少于|至少|达到|不小于|不高于|不超过|不多于|控制在|不大于|高于|大于|超过|多于|低于|小于|少于|等于|＝|=|>|<)\\s*(\\d+(?:\\.\\d+)?)\\s*(${UNIT})?`,
);

export interface ParsedTarget {
  operator: Operator;
  value: string;
  unit: string;
  /** the phrase as written, e.g. "高于99%" */
  text: string;
}

/** Finds an explicit comparison with a number in an indicator text; vague forms ("50余次") do not count. */
export function parseTarget(raw: string): ParsedTarget | null {
  if (!/\d/.test(raw)) return null;
  // operator words and units in simplified characters (高於 is 高于, 個 is 个); the phrase as printed
  const m = execPrinted(TARGET, raw);
  if (!m) return null;
  const op = OPERATORS.find(([re]) => re.test(m[1]!))?.[1];
  if (!op) return null;
  return { operator: op, value: m[2]!, unit: normaliseUnit(m[3] ?? ''), text: raw.slice(m.index, m.index + m[0].length).trim() };
}

/** A measured value: "99.5%", "52次", "1.2万亩", "100"; null for words such as 已完成. */
const MEASURED = new RegExp(`^\\s*(?:[≥≤=＝]\\s*)?(\\d+(?:\\.\\d+)?)\\s*(${UNIT})?\\s*$`);

export function parseMeasured(raw: string): { value: string; unit: string } | null {
  if (raw === '' || !/\d/.test(raw)) return null;
  const m = execPrinted(MEASURED, raw);
  return m ? { value: m[1]!, unit: normaliseUnit(m[2] ?? '') } : null;
}

function normaliseUnit(u: string): string {
  return u === '％' ? '%' : u;
}

const TASK_SPLIT = /(?=任务(?:\([a-zāáǎàùúǔū]+\))?\s*\d+\s*[:：])/;

/** Splits 年度主要工作内容 into tasks: on "任务N：" markers (任務 too), else one per line; texts as printed. */
export function splitTasks(raw: string): string[] {
  const parts = execPrinted(TASK_SPLIT, raw) ? splitPrinted(raw, TASK_SPLIT) : raw.split('\n');
  return parts.map((p) => p.trim().replace(/[;；]\s*$/, '')).filter((p) => p !== '');
}
