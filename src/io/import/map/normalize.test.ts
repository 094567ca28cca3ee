// The fast regex normal form and the character-by-character one (which also maps back to raw positions)
// must agree, or a label found by one would be cut at the wrong place by the other.
import { describe, expect, it } from 'vitest';
import { afterLabel, norm, normalise } from './normalize';

const SAMPLES = [
  '预 算 编 码：999236',
  '預(yù) 算 編 碼: 247001',
  '實(shí)有人數(shù)',
  '-度主要工作内容',
  '上-结转',
  '岳阳县20 16 -度部门(单位)整体支出',
  '部门（单位）名称：党群工作部',
  '評(píng)價(jià)機(jī)構(gòu):部門(單位)評(píng)價(jià)組',
  '联系人',
  '姓\u3000\u3000名',
  '2019-07-15 17:57 来源:财务科',
  '(原岳阳市国土资源局)',
];

describe('label normal form', () => {
  it('agrees between the fast and the mapped implementation', () => {
    for (const s of SAMPLES) expect(norm(s), s).toBe(normalise(s).norm);
  });
  it('reads the value after a spaced, glossed or traditional label', () => {
    expect(afterLabel('預(yù) 算 編 碼: 247001', /^预算编码/)).toBe('247001');
    expect(afterLabel('部门(单位)名称 岳阳县荣湾湖建设开发服务中心', /^部门\(单位\)名称/)).toBe('岳阳县荣湾湖建设开发服务中心');
    expect(afterLabel('實(shí)有人數(shù)', /^实有人数/)).toBe('');
    expect(afterLabel('联系人', /^实有人数/)).toBeNull();
  });
  it('turns 年 printed as - back into 年 only where it stands for 年', () => {
    expect(norm('-度主要工作内容')).toBe('年度主要工作内容');
    expect(norm('2019-07-15')).toBe('2019-07-15');
  });
});
