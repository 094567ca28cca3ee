// A blank report as a plain object literal: the hot import path builds thousands per second, so it avoids
// running the zod schema (whose defaults describe the same shape; report.test.ts keeps the two in step).
import type { Report, Signoff } from './report';

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
