import { describe, expect, it } from 'vitest';
import { seedReport } from '../../../test/helpers/seed';
import { REDACTED, redactPhones, redactReport } from './redact';

describe('redaction for publication', () => {
  it('hides mobile and landline numbers wherever written, and keeps amounts, codes and dates', () => {
    expect(redactPhones('联系人：吴俊，手机 138 1234 5678，座机0730-8690022')).toBe(`联系人：吴俊，手机 ${REDACTED}，座机${REDACTED}`);
    expect(redactPhones('电话：8690022')).toBe(`电话：${REDACTED}`);
    expect(redactPhones('+86-13812345678')).toBe(REDACTED);
    expect(redactPhones('（0730）8690022')).toBe(REDACTED);
    const keep = '支出87.2217万元，预算编码999236，2021年12月31日，发放人才奖励资金近1600000元，编码13812';
    expect(redactPhones(keep)).toBe(keep);
  });

  it('removes the seed’s phone numbers everywhere, and its names only where configured, signers kept', () => {
    const seed = seedReport();
    seed.narrative[0]!.text += `如有疑问请联系${seed.overview.contact}，电话${seed.overview.phone}。`;
    const phones = [seed.overview.phone, seed.preparer.phone].filter(Boolean);
    expect(phones.length).toBeGreaterThan(0);
    const plain = redactReport(seed, { names: false });
    const text = JSON.stringify(plain);
    for (const p of phones) expect(text).not.toContain(p);
    expect(plain.overview.contact).toBe(seed.overview.contact);
    expect(plain.sources).toEqual({});
    const named = redactReport(seed, { names: true, signers: [seed.evaluators[0]!.name] });
    expect(named.overview.contact).toBe(seed.overview.contact === seed.evaluators[0]!.name ? seed.overview.contact : REDACTED);
    expect(named.evaluators[0]!.name).toBe(seed.evaluators[0]!.name);
    if (seed.overview.contact.trim() && seed.overview.contact !== seed.evaluators[0]!.name) {
      expect(JSON.stringify(named)).not.toContain(seed.overview.contact);
    }
    expect(named.finance).toEqual(seed.finance);
  });
});
