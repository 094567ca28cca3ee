// 国密 and the crypto provider against published test vectors: SM3 (GB/T 32905-2016 examples 1 and 2),
// HMAC-SM3 (GM/T 0042-2015 appendix D.3), SM4 (GB/T 32907-2016 example 1), for both implementations
// (Node's OpenSSL and sm-crypto, the fallback); TOTP against RFC 6238 appendix B.
import { generateSync } from 'otplib';
import { describe, expect, it } from 'vitest';
import { opensslGm, smCryptoGm, type GmPrimitives } from './gm';
import { softwareProvider } from './provider';

const hex = (s: string) => Buffer.from(s, 'hex');
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const out = (b: Uint8Array) => Buffer.from(b).toString('hex');

function vectors(gm: GmPrimitives) {
  it(`SM3 (GB/T 32905): "abc" and "abcd"×16 — ${gm.name}`, () => {
    expect(out(gm.sm3(utf8('abc')))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(out(gm.sm3(utf8('abcd'.repeat(16))))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
  it(`HMAC-SM3 (GM/T 0042 D.3) — ${gm.name}`, () => {
    const m = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopqabcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';
    expect(out(gm.hmacSm3(hex('0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20'), utf8(m)))).toBe('ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a');
    expect(out(gm.hmacSm3(hex('0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425'), hex('cd'.repeat(50))))).toBe('220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae');
  });
  it(`SM4 (GB/T 32907 example 1) and CBC round trip — ${gm.name}`, () => {
    const key = hex('0123456789abcdeffedcba9876543210');
    // one block under a zero IV in CBC is the block cipher itself (PKCS#7 then adds a padding block)
    const ct = gm.sm4CbcEncrypt(key, Buffer.alloc(16), key);
    expect(out(ct).slice(0, 32)).toBe('681edf34d206965e86b3e94f536e4246');
    const iv = hex('00112233445566778899aabbccddeeff');
    expect(Buffer.from(gm.sm4CbcDecrypt(key, iv, gm.sm4CbcEncrypt(key, iv, utf8('联络电话 13800138000')))).toString('utf8')).toBe('联络电话 13800138000');
  });
}

describe('国密 primitives', () => {
  vectors(opensslGm);
  vectors(smCryptoGm());
  it('the two implementations interoperate', () => {
    const key = hex('0123456789abcdeffedcba9876543210');
    const iv = hex('ffeeddccbbaa99887766554433221100');
    const ct = smCryptoGm().sm4CbcEncrypt(key, iv, utf8('身份证号 430602199001011234'));
    expect(Buffer.from(opensslGm.sm4CbcDecrypt(key, iv, ct)).toString()).toBe('身份证号 430602199001011234');
  });
});

describe('crypto provider', () => {
  const material = { auditSecret: Buffer.alloc(32, 3), dataSecret: Buffer.alloc(32, 4) };
  for (const suite of ['standard', 'gm'] as const)
    it(`seals personal data and detects tampering (${suite})`, () => {
      const p = softwareProvider({ ...material, suite });
      const sealed = p.seal('13800138000');
      expect(sealed).toMatch(new RegExp(`^enc1:${suite === 'gm' ? 'gm' : 'std'}:`));
      expect(sealed).not.toContain('13800138000');
      expect(p.seal('13800138000')).not.toBe(sealed); // a fresh IV every time
      expect(p.open(sealed)).toBe('13800138000');
      expect(p.open('plain, never sealed')).toBe('plain, never sealed');
      const raw = Buffer.from(sealed.split(':')[2]!, 'base64');
      raw[raw.length - 20]! ^= 1;
      expect(() => p.open(`enc1:${sealed.split(':')[1]}:${raw.toString('base64')}`)).toThrow(/校验失败/);
      expect(() => softwareProvider({ ...material, dataSecret: Buffer.alloc(32, 9), suite }).open(sealed)).toThrow(/校验失败/);
    });
  it('digests and MACs with the suite, and keeps purposes apart', () => {
    const std = softwareProvider({ ...material, suite: 'standard' });
    const gm = softwareProvider({ ...material, suite: 'gm' });
    expect(std.digest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(gm.digest('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(std.mac('audit', 'x')).not.toBe(std.mac('checkpoint', 'x'));
    expect(gm.mac('audit', 'x', 'hmac-sha256')).toBe(std.mac('audit', 'x'));
    expect(() => softwareProvider({ suite: 'standard', auditSecret: Buffer.alloc(16), dataSecret: Buffer.alloc(32) })).toThrow(/32/);
  });
});

describe('TOTP (RFC 6238 appendix B, SHA-1)', () => {
  it('gives the published codes', () => {
    const secret = utf8('12345678901234567890');
    for (const [epoch, code] of [[59, '94287082'], [1111111109, '07081804'], [1234567890, '89005924'], [2000000000, '69279037']] as const)
      expect(generateSync({ secret, epoch, digits: 8 })).toBe(code);
  });
});
