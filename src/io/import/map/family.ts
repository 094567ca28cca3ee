// Which template family a document is: the Yueyang overall form, another Hunan form, another province's
// overall report, a 项目支出 self-evaluation table — or, honestly, unknown.
import type { Family } from '../doc';
import type { MapContext } from './context';
import { tables } from '../../../core/forms/index';
import { formOf, getTemplate } from '../../../core/templates/index';
import { COVER, IMPORT_FORM, MISC, OVERVIEW, SECTION } from './labels';
import { norm } from './normalize';

const SUMMARY_ROW = norm(tables(IMPORT_FORM).find((t) => t.def.path.startsWith('finance.'))!.rows.summary.label);
const TITLE_TAIL = new RegExp(`(${IMPORT_FORM.title.breakBefore.map(norm).join('|')})$`);

// The Yueyang form (岳阳市财政局制) is used by the city and its counties and districts. Titles, issuer lines
// and names are tested in their normal form: simplified characters (岳陽縣 is 岳阳县), no spaces or glosses.
const YUEYANG = /岳阳|华容|湘阴|平江|汨罗|临湘|君山|云溪|城陵矶|屈原|南湖新区/;
// 湖南 and its prefectures, districts and counties that publish these reports (names on their own are rare
// outside Hunan; the budget-code cover is a Hunan trait too). Yueyang's places are Hunan's as well.
const HUNAN = new RegExp(
  `${YUEYANG.source}|湖南|长沙|株洲|湘潭|衡阳|邵阳|常德|张家界|益阳|郴州|永州|怀化|娄底|湘西|零陵|冷水滩|祁阳|东安|双牌|道县|江永|宁远|蓝山|新田|江华|浏阳|宁乡|醴陵|湘乡|韶山|耒阳|常宁|武冈|邵东|津市|沅江|南县|桃江|安化|赫山|资兴|桂阳|宜章|嘉禾|临武|汝城|桂东|安仁|永兴|洪江|沅陵|辰溪|溆浦|会同|麻阳|新晃|芷江|靖州|通道|冷水江|涟源|双峰|新化|吉首|泸溪|凤凰|花垣|保靖|古丈|永顺|龙山|慈利|桑植|武陵源|石门|澧县|临澧|桃源|汉寿|安乡|鼎城|隆回|洞口|绥宁|新宁|城步|新邵|攸县|茶陵|炎陵|衡东|衡山|衡南|祁东|南岳`,
);
const OVERALL = MISC.overall;
const PROJECT = MISC.project;

export function detectFamily(ctx: MapContext): Family {
  const has = (re: RegExp) => {
    const i = ctx.find(re);
    return i >= 0 && i < 400;
  };
  const head = ctx.tokens.slice(0, 400);
  const title = norm(ctx.report.cover.title);
  // An overall report may name project evaluations in its text; its own title says which it is.
  if (has(PROJECT) && !has(SECTION.overview) && !OVERALL.test(title)) return 'project-selfeval';
  const yueyangForm = has(SECTION.overview) && has(OVERVIEW.contact) && (has(OVERVIEW.staffQuota) || has(OVERVIEW.phone));
  // The same report as a workbook: the Yueyang row label 局机关及二级机构汇总 with the 基本概况 fields.
  const yueyangSheets = head.some((t) => t.norm === SUMMARY_ROW) && has(OVERVIEW.contact);
  // A copy cut before its body, or one that lost the 一、 heading, still shows the Yueyang cover (issuer
  // line) or the 基本概况 labels, from a Yueyang place, with no heading of another form.
  const c = ctx.report.cover;
  const department = norm(c.departmentName);
  const fromYueyang = YUEYANG.test(norm(c.issuer)) || YUEYANG.test(title) || YUEYANG.test(department);
  const anySection = ctx.find(MISC.anySection);
  const otherBody = anySection >= 0 && !ctx.is(SECTION.overview, anySection);
  const overviewLabels = has(OVERVIEW.contact) && has(OVERVIEW.staffQuota) && has(OVERVIEW.actualStaff);
  const yueyangTitle = TITLE_TAIL.test(title);
  const yueyangCut = fromYueyang && !otherBody && (c.issuer !== '' || overviewLabels || yueyangTitle);
  const yueyang = yueyangForm || yueyangSheets || yueyangCut;
  if (yueyang) return 'yueyang-overall';
  const overall = OVERALL.test(title) || has(OVERALL);
  if (!overall) return 'unknown';
  const hunan =
    ctx.report.cover.budgetCode !== '' ||
    has(COVER.budgetCode) ||
    HUNAN.test(title) ||
    HUNAN.test(department) ||
    head.slice(0, 60).some((t) => t.text.length < 200 && HUNAN.test(t.norm));
  return hunan ? 'hunan-other' : 'other-province-overall';
}

// The Hunan 部门整体支出绩效自评表 (the 年初预算数 / 全年预算数 / 全年执行数 grid): its title's tail as the
// shipped template prints it, and the grid's own column.
const HUNAN_TABLE = getTemplate('hunan-overall');
const HUNAN_TAIL = new RegExp(`(${formOf(HUNAN_TABLE).title.breakBefore.map(norm).join('|')})$`);
const FULL_YEAR_BUDGET = /^全年预算数$/;

/**
 * The shipped template whose form a non-Yueyang overall document is written in, or null for the
 * default: a Hunan 自评表 is titled so (or carries that heading) and has the 全年预算数 grid.
 */
export function overallTemplateOf(ctx: MapContext, family: Family): { id: string; version: number } | null {
  if (family !== 'hunan-other' && family !== 'other-province-overall') return null;
  const head = ctx.tokens.slice(0, 400);
  // the title as the form prints it may end with its year: 部门整体支出绩效自评表（2021年度）
  const title = norm(ctx.report.cover.title).replace(/\(?\d{4}年度?\)?$/, '');
  const titled = HUNAN_TAIL.test(title) || head.some((t) => t.text.length < 60 && HUNAN_TAIL.test(t.norm.replace(/\(?\d{4}年度?\)?$/, '')));
  const grid = head.some((t) => FULL_YEAR_BUDGET.test(t.norm));
  return titled && grid ? { id: HUNAN_TABLE.id, version: HUNAN_TABLE.version } : null;
}
