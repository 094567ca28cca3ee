// A template file checked as a person wrote it: JSON syntax errors and every problem of the template,
// each at the line and column of the file where it is, in Chinese. `jixiao templates check FILE` and the
// upload preview of the web app both print these.
import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Template } from '../../core/model/template';
import { TemplateError, type TemplateRegistry, templates } from '../../core/templates/index';
import { pathText } from '../../core/templates/problems';

export interface LineProblem {
  /** 1-based, as editors number them */
  line: number;
  column: number;
  /** the JSON path, "form.tables[1].columns[0].label" */
  path: string;
  message: string;
}

export interface TextCheck {
  /** the template, when it can be used */
  template?: Template;
  problems: LineProblem[];
}

// jsonc-parser's error codes by name (its enum is a const enum, not readable at run time here)
const SYNTAX: Record<string, string> = {
  InvalidSymbol: '此处有无法识别的字符',
  InvalidNumberFormat: '数字格式不正确',
  PropertyNameExpected: '此处应为带双引号的属性名（或有多余的逗号）',
  ValueExpected: '此处缺少值（或有多余的逗号）',
  ColonExpected: '属性名后缺少冒号“:”',
  CommaExpected: '两项之间缺少逗号“,”',
  CloseBraceExpected: '缺少右花括号“}”',
  CloseBracketExpected: '缺少右方括号“]”',
  EndOfFileExpected: 'JSON 已结束，其后不应再有内容',
  InvalidCommentToken: 'JSON 不允许注释',
  UnexpectedEndOfComment: '注释没有结束',
  UnexpectedEndOfString: '文字没有结束（缺少右双引号）',
  UnexpectedEndOfNumber: '数字没有写完',
  InvalidUnicode: '\\u 转义不正确',
  InvalidEscapeCharacter: '反斜杠转义不正确',
  InvalidCharacter: '文字中有不允许的控制字符',
};

/** Line starts of the text, for offset → line and column. */
function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** The node a path names, or the nearest ancestor that exists (a missing property: its object). */
function nodeAt(root: Node | undefined, path: ReadonlyArray<string | number>, message: string): Node | undefined {
  if (!root) return undefined;
  // an unknown property is named in the message: point at its key
  const unknown = /^未知的属性 “([^”]+)”/.exec(message)?.[1];
  if (unknown) {
    const obj = findNodeAtLocation(root, [...path]);
    const prop = obj?.children?.find((p) => p.children?.[0]?.value === unknown);
    if (prop) return prop;
  }
  for (let n = path.length; n >= 0; n--) {
    const hit = findNodeAtLocation(root, path.slice(0, n) as Array<string | number>);
    if (hit) return hit.parent?.type === 'property' ? hit.parent : hit;
  }
  return root;
}

/** Checks a template file's text against the registry (a form it names must be there). */
export function checkTemplateText(text: string, registry: TemplateRegistry = templates): TextCheck {
  const at = lineIndex(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length || !root) {
    // one problem per place: a stray comma makes the parser complain twice at the same spot
    const seen = new Set<number>();
    const problems = errors
      .filter((e) => !seen.has(e.offset) && seen.add(e.offset))
      .map((e) => ({ ...at(e.offset), path: '', message: SYNTAX[printParseErrorCode(e.error)] ?? 'JSON 格式错误' }));
    return { problems: problems.length ? problems : [{ line: 1, column: 1, path: '', message: '文件不是 JSON' }] };
  }
  const data: unknown = JSON.parse(text);
  try {
    return { template: registry.validate(data), problems: [] };
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    const problems = e.problems.map((p) => {
      const node = nodeAt(root, p.path, p.message);
      return { ...at(node?.offset ?? 0), path: pathText(p.path), message: p.message };
    });
    return { problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
  }
}

/** "yueyang-2023.json:12:7 form.tables[0].widths：…": one line per problem. */
export function formatProblems(file: string, problems: readonly LineProblem[]): string[] {
  return problems.map((p) => `${file}:${p.line}:${p.column} ${p.path ? `${p.path}：` : ''}${p.message}`);
}
