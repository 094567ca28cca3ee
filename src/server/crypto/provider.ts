// The crypto provider (security.md §2.2): every digest, MAC and field encryption the server makes goes
// through this one interface, so a deployment can swap the software implementation for a certified HSM
// or signing service. Two suites: "standard" (SHA-256, HMAC-SHA256, AES-256-GCM) and "gm" (国密:
// SM3, HMAC-SM3, SM4-CBC + HMAC-SM3 encrypt-then-MAC). Keys never live in the database (keys.ts).
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { gmPrimitives, type GmPrimitives } from './gm';

export type SuiteName = 'standard' | 'gm';
/** What a key is for; each is derived from a master secret with its own label, so none is reused. */
export type KeyPurpose = 'audit' | 'checkpoint' | 'recovery';

export interface CryptoProvider {
  suite: SuiteName;
  /** "sha256" or "sm3": recorded beside every stored digest */
  digestAlg: 'sha256' | 'sm3';
  /** "hmac-sha256" or "hmac-sm3": recorded beside every stored MAC */
  macAlg: 'hmac-sha256' | 'hmac-sm3';
  digest(data: string | Uint8Array, alg?: 'sha256' | 'sm3'): string;
  mac(purpose: KeyPurpose, data: string | Uint8Array, alg?: 'hmac-sha256' | 'hmac-sm3'): string;
  /** field encryption for personal data at rest: "enc1:<suite>:<base64>" */
  seal(plaintext: string): string;
  /** the plaintext of seal()'s output; a value that is not sealed comes back as is */
  open(value: string): string;
  /** the material a worker thread needs to rebuild this provider (software provider only) */
  material(): ProviderMaterial;
}

export interface ProviderMaterial {
  suite: SuiteName;
  auditSecret: Uint8Array;
  dataSecret: Uint8Array;
}

const PREFIX = 'enc1:';
const bytes = (d: string | Uint8Array) => (typeof d === 'string' ? Buffer.from(d, 'utf8') : d);

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

export function softwareProvider(m: ProviderMaterial, gm: GmPrimitives = gmPrimitives()): CryptoProvider {
  if (m.auditSecret.length < 32 || m.dataSecret.length < 32) throw new Error('审计密钥和数据密钥至少 32 字节');
  const hash = (alg: 'sha256' | 'sm3', data: Uint8Array) => (alg === 'sm3' ? Buffer.from(gm.sm3(data)) : createHash('sha256').update(data).digest());
  const hmac = (alg: 'hmac-sha256' | 'hmac-sm3', key: Uint8Array, data: Uint8Array) =>
    alg === 'hmac-sm3' ? Buffer.from(gm.hmacSm3(key, data)) : createHmac('sha256', key).update(data).digest();
  // HKDF over SHA-256 for both suites: the derivation only separates purposes; the MACs and ciphers
  // that use the keys are the suite's own.
  const derive = (secret: Uint8Array, label: string, len = 32) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `jixiao/${label}`, len));
  const keys: Record<KeyPurpose, Buffer> = {
    audit: derive(m.auditSecret, 'audit-chain'),
    checkpoint: derive(m.auditSecret, 'audit-checkpoint'),
    recovery: derive(m.auditSecret, 'recovery-codes'),
  };
  const fieldEnc = derive(m.dataSecret, 'field-enc');
  const fieldMac = derive(m.dataSecret, 'field-mac');
  const suite = m.suite;
  const digestAlg = suite === 'gm' ? 'sm3' : 'sha256';
  const macAlg = suite === 'gm' ? 'hmac-sm3' : 'hmac-sha256';

  return {
    suite,
    digestAlg,
    macAlg,
    digest: (data, alg = digestAlg) => hash(alg, bytes(data)).toString('hex'),
    mac: (purpose, data, alg = macAlg) => hmac(alg, keys[purpose], bytes(data)).toString('hex'),
    seal(plaintext) {
      if (plaintext === '') return plaintext;
      const pt = Buffer.from(plaintext, 'utf8');
      if (suite === 'gm') {
        const iv = randomBytes(16);
        const ct = Buffer.from(gm.sm4CbcEncrypt(fieldEnc.subarray(0, 16), iv, pt));
        const tag = Buffer.from(gm.hmacSm3(fieldMac, Buffer.concat([iv, ct])));
        return `${PREFIX}gm:${Buffer.concat([iv, ct, tag]).toString('base64')}`;
      }
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', fieldEnc, iv);
      const ct = Buffer.concat([c.update(pt), c.final()]);
      return `${PREFIX}std:${Buffer.concat([iv, ct, c.getAuthTag()]).toString('base64')}`;
    },
    open(value) {
      if (!isSealed(value)) return value;
      const [, kind, b64 = ''] = value.split(':');
      const raw = Buffer.from(b64, 'base64');
      if (kind === 'gm') {
        const iv = raw.subarray(0, 16);
        const tag = raw.subarray(raw.length - 32);
        const ct = raw.subarray(16, raw.length - 32);
        const want = Buffer.from(gm.hmacSm3(fieldMac, Buffer.concat([iv, ct])));
        if (tag.length !== 32 || !timingSafeEqual(tag, want)) throw new Error('加密字段校验失败：数据密钥不符或密文被改动');
        return Buffer.from(gm.sm4CbcDecrypt(fieldEnc.subarray(0, 16), iv, ct)).toString('utf8');
      }
      const iv = raw.subarray(0, 12);
      const tag = raw.subarray(raw.length - 16);
      const d = createDecipheriv('aes-256-gcm', fieldEnc, iv);
      d.setAuthTag(tag);
      try {
        return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]).toString('utf8');
      } catch {
        throw new Error('加密字段校验失败：数据密钥不符或密文被改动');
      }
    },
    material: () => m,
  };
}

/** Compares two hex MACs in constant time. */
export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
