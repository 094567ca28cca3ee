// 国密 primitives: SM3, HMAC-SM3 and SM4-CBC. Node's OpenSSL provides them on the builds we ship on
// (checked at load); a Node built without them falls back to sm-crypto (pure JS), which the tests run
// against the same published vectors (GB/T 32905, GB/T 32907, GM/T 0042).
import { createCipheriv, createDecipheriv, createHash, createHmac, getCiphers, getHashes } from 'node:crypto';
import { createRequire } from 'node:module';

export interface GmPrimitives {
  name: 'openssl' | 'sm-crypto';
  sm3(data: Uint8Array): Uint8Array;
  hmacSm3(key: Uint8Array, data: Uint8Array): Uint8Array;
  /** SM4-CBC with PKCS#7 padding; key and iv are 16 bytes */
  sm4CbcEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array;
  sm4CbcDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array;
}

export const opensslGm: GmPrimitives = {
  name: 'openssl',
  sm3: (data) => createHash('sm3').update(data).digest(),
  hmacSm3: (key, data) => createHmac('sm3', key).update(data).digest(),
  sm4CbcEncrypt: (key, iv, pt) => {
    const c = createCipheriv('sm4-cbc', key, iv);
    return Buffer.concat([c.update(pt), c.final()]);
  },
  sm4CbcDecrypt: (key, iv, ct) => {
    const d = createDecipheriv('sm4-cbc', key, iv);
    return Buffer.concat([d.update(ct), d.final()]);
  },
};

interface SmCrypto {
  sm3(input: number[] | string, opts?: { key?: number[] | string; mode?: 'hmac' }): string;
  sm4: {
    encrypt(input: number[], key: number[], opts: { mode: 'cbc'; iv: number[]; output: 'array' }): number[];
    decrypt(input: number[], key: number[], opts: { mode: 'cbc'; iv: number[]; output: 'array' }): number[];
  };
}

/** The pure-JS implementation (sm-crypto), loaded only when asked for. */
export function smCryptoGm(): GmPrimitives {
  const sm = createRequire(import.meta.url)('sm-crypto') as SmCrypto;
  const arr = (b: Uint8Array) => Array.from(b);
  return {
    name: 'sm-crypto',
    sm3: (data) => Buffer.from(sm.sm3(arr(data)), 'hex'),
    hmacSm3: (key, data) => Buffer.from(sm.sm3(arr(data), { key: arr(key), mode: 'hmac' }), 'hex'),
    sm4CbcEncrypt: (key, iv, pt) => Uint8Array.from(sm.sm4.encrypt(arr(pt), arr(key), { mode: 'cbc', iv: arr(iv), output: 'array' })),
    sm4CbcDecrypt: (key, iv, ct) => Uint8Array.from(sm.sm4.decrypt(arr(ct), arr(key), { mode: 'cbc', iv: arr(iv), output: 'array' })),
  };
}

let chosen: GmPrimitives | undefined;

/** OpenSSL's SM3/SM4 when this Node has them, sm-crypto otherwise. */
export function gmPrimitives(): GmPrimitives {
  return (chosen ??= getHashes().includes('sm3') && getCiphers().includes('sm4-cbc') ? opensslGm : smCryptoGm());
}
