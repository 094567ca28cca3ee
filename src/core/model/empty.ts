// A blank report as a plain object literal: the hot import path builds thousands per second, so it avoids
// running the zod schema (whose defaults describe the same shape; report.test.ts keeps the two in step).
import type { FundRow, Project, Report, Signoff } from './report';

const signoff = (): Signoff => ({ opinion: '', signer: '', date: null });

export function blankReport(): Report {
  return {
    schemaVersion: 1,
    kind: 'overall',
    templateId: 'yueyang-overall',
    templateVersion: 1,
    year: null,
    cover: {
      title: '',
      region: '',
      issuer: '',
      departmentName: '',
      budgetCode: '',
      evaluationMethod: '',
      evaluator: '',
      reportDate: null,
    },
    overview: { contact: '', phone: '', staffQuota: null, actualStaff: null, duties: '', tasks: [], achievements: '' },
    finance: { income: [], expenditure: [], threePublic: [], fixedAssets: [] },
    performance: { qualitative: [], indicators: [], selfScore: null, grade: '' },
    evaluators: [],
    signoffs: { leader: signoff(), department: signoff(), finance: signoff() },
    preparer: { name: '', phone: '' },
    narrative: [],
    basics: {
      threePublicPriorYear: null,
      threePublicBudget: null,
      budgetInitial: null,
      budgetAdjusted: null,
      budgetAdjustment: null,
      keyProjectSpending: null,
      projectBudget: null,
      publicBudget: null,
      procurementBudget: null,
      procurementActual: null,
      lateSpecialFunds: null,
    },
    scoreSheet: [],
    priorIssues: [],
    sources: {},
  };
}

const fund = (): FundRow => ({ initial: null, annual: null, executed: null });

/** The blank parts of a 项目支出绩效自评表. */
export function blankProject(): Project {
  return {
    name: '',
    department: '',
    implementer: '',
    funds: { total: fund(), fiscal: fund(), carryOver: fund(), other: fund() },
    executionWeight: null,
    executionRate: '',
    executionScore: null,
    goals: { expected: '', actual: '' },
  };
}

/** The template a new 项目支出 report is written on (its form has the project table). */
export const PROJECT_TEMPLATE = { id: 'mof-10-project', version: 2 } as const;

/** A blank 项目支出绩效自评表 on the 10号 form. */
export function blankProjectReport(): Report {
  return { ...blankReport(), kind: 'project', templateId: PROJECT_TEMPLATE.id, templateVersion: PROJECT_TEMPLATE.version, project: blankProject() };
}
