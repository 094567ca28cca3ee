// The roster board's (进度) column names: the web board, the XLSX export and `jixiao task board` all
// print these, so a column is named once. `short` is for narrow places (the web table, the terminal).
export const BOARD_COLUMNS = {
  budgetCode: { label: '预算编码' },
  departmentName: { label: '部门（单位）' },
  projectName: { label: '项目名称' },
  sectionName: { label: '归口科室' },
  state: { label: '状态' },
  due: { label: '截止日' },
  daysLeft: { label: '剩余/逾期' },
  extendedDue: { label: '延期至' },
  extensionReason: { label: '延期理由' },
  lastActivity: { label: '最后活动' },
  selfScore: { label: '自评得分', short: '自评' },
  reviewScore: { label: '复核得分', short: '复核' },
  errors: { label: '错误' },
  waivers: { label: '豁免' },
  openRectifications: { label: '整改未销号', short: '整改' },
  sampled: { label: '抽查' },
  copy: { label: '文本雷同' },
  flags: { label: '标记' },
} as const satisfies Record<string, { label: string; short?: string }>;

export type BoardColumn = keyof typeof BOARD_COLUMNS;

/** The column's name where space is short. */
export function boardShort(c: BoardColumn): string {
  const col: { label: string; short?: string } = BOARD_COLUMNS[c];
  return col.short ?? col.label;
}

/** What one department's line of the board prints, whichever medium prints it (web, XLSX, terminal). */
export interface BoardRowFigures {
  budgetCode: string;
  departmentName: string;
  sectionName: string | null;
  stateLabel: string;
  due: string | null;
  daysLeftText: string;
  late: boolean;
  extendedDue: string | null;
  extensionReason: string | null;
  lastActivity: string | null;
  selfScore: number | null;
  reviewScore: number | null;
  errors: number | null;
  waivers: number | null;
  openRectifications: number;
  sampled: boolean;
  copyFlags: number;
  wrongDepartment: boolean;
}
