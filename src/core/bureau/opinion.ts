// The draft of the 财政部门归口业务科室意见 a reviewer starts from when accepting: the 复核 result with its
// 偏离度, the 复核意见, and what the checks found, so the opinion printed on the report says what the
// bureau's review established. The reviewer edits it before signing.
import type { Finding } from '../model/finding';
import { deviationText } from './deviation';
import type { RescoreSheet } from './rescore';

export function financeOpinionDraft(o: { sheet: RescoreSheet | null; reviewOpinion: string; findings: readonly Finding[]; waivedCount: number }): string {
  const parts: string[] = [];
  const s = o.sheet;
  if (s?.complete && s.total != null) {
    const self = s.selfTotal != null ? `部门自评${s.selfTotal}分，` : '';
    parts.push(`经复核，${self}复核得分${s.total}分${s.grade ? `（${s.grade}）` : ''}${s.deviation != null ? `，偏离度${deviationText(s.deviation)}` : ''}。`);
  } else parts.push('经审核，同意该部门整体支出绩效自评结果。');
  if (o.reviewOpinion.trim()) parts.push(`复核意见：${o.reviewOpinion.trim().replace(/[。.]?$/, '。')}`);
  const errors = o.findings.filter((f) => f.severity === 'error').length;
  const warnings = o.findings.filter((f) => f.severity === 'warning').length;
  if (errors || warnings)
    parts.push(`自动校验发现错误${errors}项${o.waivedCount ? `（其中部门书面说明豁免${o.waivedCount}项）` : ''}、警告${warnings}项，请部门在下一年度报告中予以改进。`);
  return parts.join('');
}
