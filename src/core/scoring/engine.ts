// scoreReport: a Report judged against a 评分表 template. Pure: the CLI, the server and the browser
// get the same Scorecard for the same report.
import type { Report, ScoreClaim } from '../model/report';
import type { ScoreItem, Scorecard } from '../model/score';
import type { Template } from '../model/template';
import { judgingForm } from '../templates/index';
import { Dec, round2 } from './decimal';
import { type Leaf, flatten } from './flatten';
import { gradeFor } from './grade';
import { NO_DEDUCTIONS, type Outcome, type RuleContext, quote, unknownOutcome } from './outcome';
import { bands, capDeduct, categorical, stepDeduct } from './rules-metric';
import { checklist, manual, qualitative3, violationDeduct } from './rules-claim';
import { ratio } from './rules-ratio';

function claimFor(claims: readonly ScoreClaim[], id: string): ScoreClaim | undefined {
  for (const c of claims) if (c.itemId === id) return c;
  return undefined;
}

function notApplicable(ctx: RuleContext, policy: Template['options']['naPolicy']): Outcome {
  const why = ctx.claim?.note.trim() ? `（${ctx.claim.note.trim()}）` : '';
  if (policy === 'fullMarks') {
    const explanation = `评分表标注${quote(ctx.name)}不适用${why}，按模板规定不适用项得满分：得${ctx.weightText}分（满分${ctx.weightText}分）`;
    return { status: 'notApplicable', score: ctx.weightNum, explanation, deductions: NO_DEDUCTIONS };
  }
  const explanation = `评分表标注${quote(ctx.name)}不适用${why}，该项不计分，总分按其余适用项分值折算为百分制`;
  return { status: 'notApplicable', score: null, explanation, deductions: NO_DEDUCTIONS };
}

function evaluate(leaf: Leaf, ctx: RuleContext, template: Template): Outcome {
  const node = leaf.node;
  if (leaf.unknown) {
    const note = node.note ? `。${node.note}` : '';
    return unknownOutcome(`${quote(node.name)}的评分标准尚未确认（模板占位），暂不计分${note}`);
  }
  if (ctx.claim?.notApplicable) return notApplicable(ctx, template.options.naPolicy);
  const rule = node.rule;
  if (!rule) return unknownOutcome(`模板未规定${quote(node.name)}的评分规则，暂不计分`);
  switch (rule.type) {
    case 'capDeduct':
      return capDeduct(rule, ctx);
    case 'bands':
      return bands(rule, ctx);
    case 'stepDeduct':
      return stepDeduct(rule, ctx);
    case 'categorical':
      return categorical(rule, ctx);
    case 'ratio':
      return ratio(rule, ctx);
    case 'checklist':
      return checklist(rule, ctx);
    case 'violationDeduct':
      return violationDeduct(rule, ctx);
    case 'qualitative3':
      return qualitative3(rule, ctx);
    case 'manual':
      return manual(ctx);
  }
}

export function scoreReport(report: Report, template: Template): Scorecard {
  const { leaves, totalCents } = flatten(template);
  const claims = report.scoreSheet;
  const mode = template.options.deductMode;
  const form = judgingForm(report, template);
  const items: ScoreItem[] = [];
  // Item scores and weights are already rounded to hundredths: summing them as integer hundredths is
  // exact (like money in 分) and spares thousands of Decimal objects per second.
  let sumCents = 0;
  let scoredCents = 0;
  let naCents = 0;
  let resolved = 0;
  let withScore = 0;

  for (const leaf of leaves) {
    const claim = claimFor(claims, leaf.node.id);
    const ctx: RuleContext = {
      report,
      form,
      name: leaf.node.name,
      weight: leaf.weightDec,
      weightNum: leaf.weight,
      weightText: leaf.weightText,
      mode,
      claim,
    };
    const o = evaluate(leaf, ctx, template);
    const item: ScoreItem = {
      id: leaf.node.id,
      path: leaf.path,
      name: leaf.node.name,
      weight: leaf.weight,
      status: o.status,
      score: o.score,
      deductions: o.deductions,
      explanation: o.explanation,
    };
    if (o.metric !== undefined) item.metric = o.metric;
    if (o.missing !== undefined) item.missing = o.missing;
    if (claim) item.claimed = claim.score;
    items.push(item);

    if (o.status === 'scored' || o.status === 'notApplicable') resolved++;
    if (o.score !== null) {
      withScore++;
      sumCents += Math.round(o.score * 100);
      scoredCents += leaf.weightCents;
    } else if (o.status === 'notApplicable') naCents += leaf.weightCents;
  }

  let total: number | null = null;
  if (resolved === leaves.length && leaves.length > 0) {
    const applicable = totalCents - naCents;
    if (naCents === 0) total = sumCents / 100;
    // naPolicy 'rescale' (10号): what the applicable lines earned, expressed on the full scale.
    else if (applicable > 0) total = round2(new Dec(sumCents).times(totalCents).div(applicable).div(100));
  }
  const basis = total !== null ? 'complete' : withScore > 0 ? 'partial' : 'none';
  return {
    templateId: template.id,
    templateName: template.name,
    total,
    grade: gradeFor(total, template.gradeBands),
    computable: { weight: scoredCents / 100, score: sumCents / 100 },
    basis,
    items,
    claimed: { score: report.performance.selfScore, grade: report.performance.grade },
  };
}
