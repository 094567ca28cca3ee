// Template knowledge as data: the labels a Yueyang-family report prints, as regular expressions on the
// normal form (see normalize.ts: no spaces, half-width brackets and colon, simplified characters).

// Label words of the fields that can share one line or table row (基本概况's 联系人 | … | 联络电话 | …, the
// cover's fields); each field's pattern below is built from its words, and field-line.ts splits a line on them.
const CONTACT = ['联系人'];
const PHONE = ['联络电话', '联系电话'];
const STAFF_QUOTA = ['人员编制', '编制人数', '核定编制数', '核定编制'];
const ACTUAL_STAFF = ['实有人数', '实有人员', '实际人数'];
const BUDGET_CODE = ['预算编码', '预算代码', '预算单位编码', '单位编码'];
const EVALUATION_METHOD = ['评价方式'];
const EVALUATOR = ['评价机构'];
const REPORT_DATE = ['报告日期', '报告期', '报告时间', '评价日期', '填报日期'];
const any = (words: readonly string[]) => words.join('|');

/** Every label word that may stand beside another on one line, longest alternatives first per field. */
export const ROW_FIELD_LABELS: readonly string[] = [
  ...CONTACT, ...PHONE, ...STAFF_QUOTA, ...ACTUAL_STAFF, ...BUDGET_CODE, ...EVALUATION_METHOD, ...EVALUATOR, ...REPORT_DATE,
];

export const COVER = {
  departmentName: /^(部门\(单位\)名称|部门单位名称|部门\(单位\)全称|单位名称|部门名称|预算单位名称|评价单位)(\((盖章|公章|签章)\))?/,
  implementingUnit: /^实施单位(\((盖章|公章)\))?/,
  budgetCode: new RegExp(`^(${any(BUDGET_CODE)})`),
  evaluationMethod: new RegExp(`^(${any(EVALUATION_METHOD)})`),
  evaluator: new RegExp(`^(${any(EVALUATOR)})`),
  reportDate: new RegExp(`^(${any(REPORT_DATE)})`),
  preparer: /^填报人(\(签名\)|\(签字\))?/,
  preparerPhone: /^(联系电话|联络电话)/,
  issuer: /财政(局|厅)\(?制\)?$/,
  // Label | value sheets (Jixiao's XLSX, hand-made workbooks) name these explicitly.
  titleLabel: /^(标题|报告标题)$/,
  regionLabel: /^(地区|行政区划)$/,
  yearLabel: /^(年度|评价年度)$/,
  issuerLabel: /^(制表单位|制表)$/,
} as const;

export const OVERVIEW = {
  contact: new RegExp(`^(${any(CONTACT)})(:|$)`),
  phone: new RegExp(`^(${any(PHONE)})(:|$)`),
  staffQuota: new RegExp(`^(${any(STAFF_QUOTA)})(:|$)`),
  actualStaff: new RegExp(`^(${any(ACTUAL_STAFF)})(:|$)`),
  duties: /^(职能职责概述|职能职责|部门职责概述)(:|$)/,
  tasks: /^年度主要工作内容(:|$)/,
  achievements: /^年度部门\(单位\)总体运行情况及取得的成绩(:|$)|^年度总体运行情况及取得的成绩/,
} as const;

export const SECTION = {
  overview: /^一[、.]部门\(单位\)基本概况/,
  finance: /^二[、.]部门\(单位\)收支情况/,
  performance: /^三[、.]部门\(单位\)整体支出绩效自评情况/,
  evaluators: /^四[、.]评价人员/,
  narrative: /^五[、.]评价报告综述/,
} as const;

/** Table header cells naming each finance table's 合计 column. */
export const FINANCE_HEADER: Record<'income' | 'expenditure' | 'threePublic' | 'fixedAssets', RegExp> = {
  income: /^收入合计$/,
  expenditure: /^支出合计$/,
  threePublic: /^三公经费合计$/,
  fixedAssets: /^固定资产合计$/,
};

export const INSTITUTION = {
  summary: /^(局机关及二级机构汇总|机关及二级机构汇总|汇总|合计|总计)$/,
  main: /^(\d+[、.])?(局机关|机关本级|单位本级|本级)$/,
  numbered: /^\d{1,2}[、.．](?!\d)\s*(.+)$/,
  sub: /^二级机构\d*$/,
} as const;

export const PERFORMANCE = {
  qualitative: /^整体支出绩效定性目标/,
  quantitative: /^整体支出绩效定量目标/,
  level1: /^(产出|效益|效果|满意度)(目标|指标)/,
  level2: /^(数量|质量|时效|成本|经济成本|社会成本|生态环境成本|社会效益|经济效益|生态效益|可持续影响|社会公众或服务对象满意度|服务对象满意度|满意度)(指标)?$/,
  selfScore: /^(绩效自评综合得分|自评综合得分|综合得分|自评得分|自评总分)(:|$)/,
  grade: /^(评价等次|评价等级|绩效等级|自评等次)(:|$)/,
  indicatorHeader: /^三级指标$/,
} as const;

export const SIGNOFF = {
  leader: /^评价组组长(\(签字\)|\(签名\))?/,
  departmentOpinion: /^部门\(单位\)意见/,
  departmentSigner: /^部门\(单位\)负责人(\(签章\)|\(签字\))?/,
  financeOpinion: /^财政部门归口业务科室意见/,
  financeSigner: /^财政部门归口业务科室负责人(\(签章\)|\(签字\))?/,
  evaluatorHeader: /^姓名$/,
} as const;

/** Printed parts of the form that carry no value of their own: recognised, so not "unmapped". */
export const BOILERPLATE: readonly RegExp[] = [
  /^[一二三四五][、.]/,
  /^机构名称$/,
  /^其中:?$/,
  /^结余$/,
  /^(上年结转|公共财政拨款|政府基金拨款|纳入专户管理的非税收入拨款|其他收入|基本支出|人员支出|公用支出|项目支出|当年结余|累计结余|公务接待费|公务用车运维费|公务用车购置费|因公出国费|在用固定资产|出租固定资产|其他)$/,
  /^(年度收入情况|部门\(单位\)年度支出和结余情况|年度支出和结余情况)/,
  /^(评价内容|绩效目标|完成情况|预期目标|实际完成)$/,
  /^(职务\/职称|职务|职称|单位|签字)$/,
  /^附件\s*\d*(-\d+)?$/,
  /^年月日$/,
  // a workbook's sheet names and its label | value header
  /^(封面及概况|收入|支出|三公经费|固定资产|定性目标|绩效指标|评价人员及签署|综述|评分表|发现问题)$/,
  /^(项目|内容)$/,
];

/** Other single-token patterns the section parsers test. */
export const MISC = {
  anySection: /^一[、.]/,
  titleEnd: /(绩效评价自评报告|绩效自评报告|绩效评价报告|自评报告|绩效自评表|绩效评价表|自评表)(\(.*\))?$/,
  titleStart: /(年度|\d{4}年|整体支出|部门\(单位\)|部门)$/,
  yearHint: /报告|自评|绩效|年度/,
  taskLine: /^任务\s*\d+\s*:/,
  budgetRow: /^(年度资金总额|资金总额|总额)$/,
  qualitativeHeader: /^(预期目标|实际完成)$/,
  quantitativeHeader: /^(评价内容|绩效目标|完成情况)$/,
  gridEnd: /^(合计|总分|评价结论)/,
  signoffHeader: /^签署$/,
  signerHeader: /^(签字人|签名人|负责人)$/,
  preparerHeader: /^填报人$/,
  narrativeHeader: /^(类别|部分)$/,
  contentHeader: /^(内容|正文)$/,
  claimedHeader: /^自评得分$/,
  findingsHeader: /^(级别|严重程度)$/,
  serialHeader: /^序号$/,
  overall: /部门(\(单位\))?整体支出|部门整体|整体支出绩效/,
  project: /项目支出绩效(评价)?自评(表|报告)|项目支出绩效评价(表|报告)|专项资金绩效(评价)?自评(表|报告)|^项目名称$/,
} as const;

/** Indicator table headers by column (10号, Sichuan, Jixiao's XLSX). */
export const INDICATOR_HEADER = {
  level1: /^一级指标/,
  level2: /^二级指标/,
  name: /^三级指标/,
  nature: /^(指标性质|指标值类型)$/,
  target: /^(年度指标值|指标值|目标值)$/,
  unit: /^(度量单位|计量单位|单位)$/,
  actual: /^(实际完成值|完成值|实际完成情况)$/,
  weight: /^(分值|权重)$/,
  score: /^得分$/,
  reason: /^(偏差原因|未完成原因)/,
} as const;

/**
 * Every pattern tested against a single token's normal form. Tokens are classified once against all of
 * them (and the result cached by text across documents), so a parser's test is a lookup, not a regex run.
 */
export const REGISTRY: readonly RegExp[] = [
  ...Object.values(COVER),
  ...Object.values(OVERVIEW),
  ...Object.values(SECTION),
  ...Object.values(FINANCE_HEADER),
  ...Object.values(INSTITUTION),
  ...Object.values(PERFORMANCE),
  ...Object.values(SIGNOFF),
  ...BOILERPLATE,
  ...Object.values(MISC),
  ...Object.values(INDICATOR_HEADER),
];
