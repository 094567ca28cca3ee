// How indicators are written (domain.md §8): Q5 vague 定性, Q6 vague words, Q7 category fit, Q8 a task
// restated as an indicator, Q11 every sub-category present and a credible 满意度 target.
import { section } from '../forms/index';
import { categoryName, categoryOf, type IndicatorCategory } from '../model/indicator-category';
import type { Indicator } from '../model/report';
import type { RuleEnv } from './context';
import { distinctMatches } from '../matches';
import { indicatorPath } from './paths';

const VAGUE_WORDS = /进一步|加强|提升|提高|促进|推进|有效|明显|显著|较好|良好|稳步|大力|积极|不断|全面|持续|切实|确保|力争|争取|基本(?:完成|达到|实现)|若干/g;
const IMPRECISE_NUMBER = /(?:约|近|大约)\s*\d+(?:\.\d+)?|\d+(?:\.\d+)?\s*(?:余|多)(?=[\u4e00-\u9fff])|\d+(?:\.\d+)?[^\d，。；,;]{0,3}?左右/g;
const LEVEL_SCALE = /优|良|中|差|达到预期|基本达到|未达到|是|否|达成|部分达成|合格|不合格/;
const TASK_VERB = /^(?:指标\s*\d+\s*[:：])?\s*(开展|组织|完成|做好|推进|落实|加强|积极|围绕|根据|制定|举办|实施|配合|统筹|确保|按时|全力)/;
const NOT_APPLICABLE = /不适用|^无$/;

const FIT: Partial<Record<IndicatorCategory, { re: RegExp; need: string; severity: 'warning' | 'error' }>> = {
  quality: { re: /率|合格|达标|标准|质量|准确|优良|通过|验收|规范|评级|等级/, need: '合格率、达标率、准确率等标准或比率', severity: 'warning' },
  timeliness: { re: /及时|按时完成率|时限|截至|\d{1,2}\s*月|\d+\s*日|年底|年内|年末|\d+\s*个?工作日|\d+\s*天|周期/, need: '完成日期、时限或及时率', severity: 'warning' },
  cost: { re: /万元|亿元|元|成本控制率|节约率|控制率|单位成本/, need: '金额（万元、元/人）或成本控制率', severity: 'warning' },
  ecological: { re: /生态|环境|绿色|节能|节约|用纸|低碳|循环|减排|碳|污染|水质|空气|森林|绿化|植被|土壤|垃圾|能耗|排放|环保|节水|节电|节约资源|无纸化|湿地|河湖|噪声/, need: '与生态环境有关的效益', severity: 'error' },
  satisfaction: { re: /%|％|率|满意度/, need: '问卷调查的满意度百分比（如“≥ 90%”）', severity: 'warning' },
};

export function indicatorWording(env: RuleEnv): void {
  env.report.performance.indicators.forEach((ind, i) => {
    const text = `${ind.name} ${ind.target}`;
    if (NOT_APPLICABLE.test(ind.name.trim())) return;
    if (ind.kind === '定性' && !LEVEL_SCALE.test(ind.target)) {
      env.add('Q5', 'IND.QUALITATIVE_VAGUE', 'warning', indicatorPath(i, 'target'), `${env.indicatorPlace(i)}：定性指标没有可核对的预期（等级或明确标准），如“优/良/中/差”或“达到预期/基本达到/未达到”。`);
    }
    const words = distinctMatches(VAGUE_WORDS, text);
    const numbers = distinctMatches(IMPRECISE_NUMBER, text, (m) => m.trim());
    if (words.length || numbers.length) {
      const parts = [
        words.length && `含模糊用语“${words.join('、')}”`,
        numbers.length && `数量写作“${numbers.join('、')}”不精确，应写成“≥ N”的形式`,
      ].filter(Boolean);
      env.add('Q6', 'IND.VAGUE_WORDING', 'warning', indicatorPath(i, 'name'), `${env.indicatorPlace(i)}：${parts.join('；')}。`);
    }
    const cat = categoryOf(ind);
    const fit = FIT[cat];
    if (fit && !fit.re.test(text)) {
      const code = fit.severity === 'error' ? 'IND.CATEGORY_MISMATCH' : 'IND.CATEGORY_FIT';
      env.add('Q7', code, fit.severity, indicatorPath(i, 'name'), `${env.indicatorPlace(i)}：${categoryName(env.form, cat)}应为${fit.need}，此项内容不属于此类。`);
    }
    if (TASK_VERB.test(ind.name) && ind.targetValue == null && ind.kind === '定量') {
      env.add('Q8', 'IND.TASK_RESTATED', 'warning', indicatorPath(i, 'name'), `${env.indicatorPlace(i)}：这是工作任务的复述，不是可衡量的绩效指标（应有指标值，如“完成率 ≥ 95%”）。`);
    }
  });
  duplicates(env);
}

function duplicates(env: RuleEnv): void {
  const seen = new Map<string, number>();
  env.report.performance.indicators.forEach((ind, i) => {
    const key = ind.name.replace(/^指标\s*\d+\s*[:：]/, '').replace(/\s/g, '');
    if (!key) return;
    const first = seen.get(key);
    if (first != null) {
      env.add('Q12', 'IND.DUPLICATE', 'warning', indicatorPath(i, 'name'), `${env.indicatorPlace(i)}：与第${first + 1}项指标内容相同。`);
    } else seen.set(key, i);
  });
}

const REQUIRED: IndicatorCategory[] = ['quantity', 'quality', 'timeliness', 'cost', 'economic', 'social', 'ecological', 'satisfaction'];

/** Q11: each 产出 and 效益 sub-category has an indicator (or says 不适用); 满意度 aims high enough. */
export function indicatorCoverage(env: RuleEnv): void {
  const inds = env.report.performance.indicators;
  if (!inds.length) {
    env.add('Q11', 'IND.NONE', 'error', 'performance.indicators', `${section(env.form, 'performance').short}：未填写任何定量绩效指标。`);
    return;
  }
  const present = new Set(inds.map((x) => categoryOf(x)));
  const absent = REQUIRED.filter((c) => !present.has(c));
  if (absent.length) {
    const names = absent.map((c) => categoryName(env.form, c));
    const tail = names[names.length - 1]!.endsWith('指标') ? '' : '指标';
    env.add('Q11', 'IND.CATEGORY_MISSING', 'warning', 'performance.indicators', `${section(env.form, 'performance').short}：缺少${names.join('、')}${tail}；确不适用的应注明“不适用”。`);
  }
  inds.forEach((ind: Indicator, i) => {
    if (categoryOf(ind) !== 'satisfaction' || ind.targetValue == null || ind.unit !== '%') return;
    if (Number(ind.targetValue) < env.options.minSatisfactionTarget) {
      env.add('Q11', 'IND.SATISFACTION_LOW', 'warning', indicatorPath(i, 'targetValue'), `${env.indicatorPlace(i)}：满意度目标${ind.targetValue}%低于${env.options.minSatisfactionTarget}%。`);
    }
  });
}
