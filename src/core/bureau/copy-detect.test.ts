import { describe, expect, it } from 'vitest';
import { seedReport } from '../../../test/helpers/seed';
import { coverMismatch } from './cover-check';
import { detectCopies, type CopyDoc } from './copy-detect';
import { seededRandom } from './prng';

const seed = seedReport();
const seedParts = seed.narrative.map((n, i) => ({ path: `narrative[${i}].text`, text: n.text }));

function filler(i: number): string {
  // distinct texts: random wording from a vocabulary, so no two fillers share a passage
  const words = '水利工程 防汛抗旱 城市管理 农业农村 医疗保障 教育教学 交通运输 生态环境 文化旅游 市场监管 应急救援 社会保障 乡村振兴 营商环境 数字政务 安全生产 河湖治理 垃圾分类 老旧小区 公共卫生 养老服务 就业创业 科技创新 招商引资'.split(' ');
  const random = seededRandom(`filler-${i}`);
  const pick = () => words[Math.floor(random() * words.length)]!;
  return Array.from({ length: 6 }, () => `${pick()}方面围绕${pick()}推进${pick()}与${pick()}，${pick()}取得进展。`).join('');
}

describe('copied text across departments and years', () => {
  it('flags a passage another department took from the seed, with its source, and only across departments', () => {
    const copied = seedParts[3]!.text.slice(0, 200).replaceAll('党群工作部', '党政办公室');
    const docs: CopyDoc[] = [
      { departmentId: 'dangqun', parts: seedParts },
      { departmentId: 'office', parts: [{ path: 'narrative[3].text', text: `${filler(1)}${copied}${filler(2)}` }] },
      // the same department a year later reusing its own text is not copying
      { departmentId: 'dangqun', parts: seedParts },
      { departmentId: 'water', parts: [{ path: 'narrative[0].text', text: filler(3) }] },
    ];
    const r = detectCopies(docs, { isTarget: (i) => i === 1 || i === 2 || i === 3 });
    const office = r.matches.filter((m) => m.docIndex === 1);
    expect(office.length).toBeGreaterThan(0);
    expect(office.every((m) => m.otherIndex === 0 || m.otherIndex === 2)).toBe(true);
    expect(office[0]!.path).toBe('narrative[3].text');
    expect(office[0]!.otherPath).toBe('narrative[3].text');
    expect(office[0]!.similarity).toBeGreaterThanOrEqual(0.6);
    expect(seedParts[3]!.text).toContain(office[0]!.otherPassage.slice(0, 10));
    expect(r.matches.some((m) => m.docIndex === 2 && m.otherIndex === 0)).toBe(false);
    expect(r.matches.some((m) => m.docIndex === 3)).toBe(false);
  });

  it('reads a whole report copied into another department as one', () => {
    const docs: CopyDoc[] = [{ departmentId: 'a', parts: seedParts }, { departmentId: 'b', parts: seedParts.map((p) => ({ ...p, text: p.text.replaceAll('党群', '政法') })) }];
    const r = detectCopies(docs);
    expect(r.wholeCopies.find((w) => w.docIndex === 1)).toMatchObject({ otherIndex: 0 });
    expect(r.wholeCopies.find((w) => w.docIndex === 1)!.share).toBeGreaterThanOrEqual(0.5);
  });

  it('leaves common phrasing shared by many departments alone', () => {
    const boiler = '严格落实中央八项规定精神，厉行勤俭节约，坚决反对铺张浪费，切实加强预算绩效管理，提高财政资金使用效益。';
    const docs: CopyDoc[] = Array.from({ length: 8 }, (_, i) => ({ departmentId: `d${i}`, parts: [{ path: 'narrative[0].text', text: `${filler(i)}${boiler}` }] }));
    const r = detectCopies(docs);
    expect(r.matches).toEqual([]);
    expect(r.stats.commonPassages).toBeGreaterThan(0);
    // …but the same sentence in only two departments is a copy
    expect(detectCopies(docs.slice(0, 2)).matches.length).toBeGreaterThan(0);
  });
});

describe('a report filed under the wrong department', () => {
  const own = { id: 'd2', name: '党政办公室', budgetCode: '999201' };
  const roster = [{ id: 'd1', name: '党群工作部', budgetCode: '999236' }, own];
  it('names the department the cover belongs to', () => {
    const m = coverMismatch({ departmentName: '湖南城陵矶新港区党群工作部', budgetCode: '999236' }, own, roster)!;
    expect(m.otherDepartmentId).toBe('d1');
    expect(m.reason).toBe('报告封面为单位“湖南城陵矶新港区党群工作部”、预算编码“999236”，与所属部门“党政办公室”（999201）不符，是本局另一部门“党群工作部”（999236）的报告，疑似导入错部门');
  });
  it('accepts the region before the name and a blank cover', () => {
    expect(coverMismatch({ departmentName: '湖南城陵矶新港区 党政办公室', budgetCode: '999201' }, own, roster)).toBeNull();
    expect(coverMismatch({ departmentName: '', budgetCode: '' }, own, roster)).toBeNull();
    expect(coverMismatch({ departmentName: '党政办公室', budgetCode: '123456' }, own, roster)?.otherDepartmentId).toBeNull();
  });
});
