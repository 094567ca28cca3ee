// One sentence under the title saying why the report is read-only (or what may be written) now.
import type { ReportStatus } from '../../../src/core/workflow/index';
import type { User } from '../api/types';
import { isFinance } from './user';

export function readOnlyNote(status: ReportStatus, user: User): string {
  const finance = isFinance(user);
  switch (status) {
    case 'draft':
    case 'returned':
      return finance ? '报告尚在部门填报中。' : '报告正在填报中，只有填报人可以修改。';
    case 'dept_review':
      return '报告正在部门（单位）负责人审核，审核期间内容不能修改。';
    case 'submitted':
      return finance ? '报告已报送财政，等待审核。' : '报告已报送财政审核，内容不能修改；如需修改，请等待退回。';
    case 'finance_review':
      return finance ? '报告正在财政审核中。' : '报告正在财政审核中，内容不能修改。';
    case 'accepted':
      return '报告已审核通过，内容不能再修改。';
    case 'published':
      return '报告已公开。';
  }
}
