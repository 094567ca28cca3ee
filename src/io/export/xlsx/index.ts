// The report as an Excel workbook (exceljs). The layout is regular on purpose, so the XLSX importer and
// people who make such sheets by hand meet the same shape:
//
//   every sheet   row 1 = one header row (frozen), data from row 2, no merged cells, texts as written
//   封面及概况     项目 | 内容. Labels in column A, one field a row, in this order: 标题, 地区, 年度 (number),
//                 部门(单位)名称, 预算编码 (text), 评价方式, 评价机构, 报告日期 (date cell, UTC midnight,
//                 format yyyy"年"m"月"d"日"), 制表单位, 联系人, 联络电话 (text), 人员编制, 实有人数 (numbers),
//                 职能职责概述, 年度主要工作内容 (one row per task, label repeated; one blank row when none),
//                 年度部门（单位）总体运行情况及取得的成绩, 绩效自评综合得分 (number), 评价等次.
//   收入           机构名称 | 收入合计 | 上年结转 | 公共财政拨款 | 政府基金拨款 | 纳入专户管理的非税收入拨款 | 其他收入
//   支出           机构名称 | 支出合计 | 基本支出 | 人员支出 | 公用支出 | 项目支出 | 当年结余 | 累计结余
//   三公经费       机构名称 | 三公经费合计 | 公务接待费 | 公务用车运维费 | 公务用车购置费 | 因公出国费
//   固定资产       机构名称 | 固定资产合计 | 在用固定资产 | 出租固定资产 | 其他
//                 Finance sheets: one row per institution in the report's order (局机关及二级机构汇总,
//                 1、局机关, 2、二级机构1 …; the row kind follows from the label as in the text template).
//                 Amounts are numbers (万元, the nearest double to the written decimal; blank = no cell
//                 value), all formatted with the report's most written decimals ('#,##0.0000' for the
//                 seed). The 汇总 row holds =SUM(B3:B5)-style formulas with cached results when the
//                 report's summary equals the sum of the other rows; otherwise the report's own value as
//                 a constant with a cell note explaining the difference.
//   定性目标       序号 | 预期目标 | 实际完成 (one row per pair)
//   绩效指标       一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 偏差原因
//                 (一级/二级 repeated on every row; 指标性质 = the operator ≥ ≤ = > < of a 定量 indicator,
//                 "定性", or blank; 指标值/完成值 as written; 权重/得分 numbers or blank)
//   评价人员及签署  姓名 | 职务/职称 | 单位 | 签字 (one row per evaluator), a blank row, then a header row
//                 签署 | 意见 | 签字人 | 日期 with the rows 评价组组长, 部门（单位）, 财政部门归口业务科室
//                 (date cells as above), a blank row, then a header row 填报人 | 联系电话 and its one row.
//   综述           类别 | 标题 | 内容 (类别 = 部门(单位)概况, 整体支出管理及使用情况, 专项组织实施情况,
//                 整体支出绩效情况, 存在的主要问题, 改进措施和有关建议, 其他; 标题 as written)
//   评分表         official (opts.score): 一级指标 | 二级指标 | 三级指标 | 分值 | 自评得分 | 说明/扣分原因 — the
//                 department's claims, 合计 = its 绩效自评综合得分; review: 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 | 状态 | 说明/扣分原因 | 自评得分,
//                 then 合计 (=SUM formulas; 自评得分 = the report's 绩效自评综合得分) and 评价等次 rows
//   发现问题       (review, opts.findings) 级别 | 代码 | 位置 | 说明
import ExcelJS from 'exceljs';
import type { FormDescriptor } from '../../../core/forms/index';
import type { Finding } from '../../../core/model/finding';
import type { Report } from '../../../core/model/report';
import type { Scorecard } from '../../../core/model/score';
import { formFor } from '../../../core/templates/index';
import type { Rendering } from '../content';
import { coverTitle } from '../docx/cover';
import { writeFinanceSheets } from './finance-sheets';
import { writeProjectSheet } from './project-sheet';
import { writeClaimedScoreSheet, writeFindingsSheet, writeScoreSheet } from './review-sheets';
import { writeCoverSheet, writeDetailSheets } from './text-sheets';

export interface XlsxOptions {
  /** official (default): the 评分表 as the department claimed it, no 发现问题; review: computed scores and findings */
  rendering?: Rendering;
  findings?: readonly Finding[];
  score?: Scorecard | null;
  /** the form whose layout to write; default: the report's template's */
  form?: FormDescriptor;
}

export function buildReportWorkbook(report: Report, opts: XlsxOptions = {}): ExcelJS.Workbook {
  const form = opts.form ?? formFor(report);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jixiao 绩效自评';
  wb.title = coverTitle(form, report);
  wb.subject = report.cover.departmentName;
  // Excel recomputes the summary formulas on open; the cached results serve readers that do not
  wb.calcProperties = { fullCalcOnLoad: true };
  if (form.kind === 'project') writeProjectSheet(wb, form, report);
  else {
    writeCoverSheet(wb, form, report);
    writeFinanceSheets(wb, form, report);
    writeDetailSheets(wb, form, report);
  }
  const review = opts.rendering === 'review';
  if (opts.score && review) writeScoreSheet(wb, form, opts.score);
  else if (opts.score) writeClaimedScoreSheet(wb, form, report, opts.score);
  if (opts.findings && review) writeFindingsSheet(wb, form, opts.findings);
  return wb;
}

export async function renderReportXlsx(report: Report, opts: XlsxOptions = {}): Promise<Uint8Array> {
  const buffer = await buildReportWorkbook(report, opts).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
