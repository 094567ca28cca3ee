// The second factor (等保 DB-AUTH-4, ASVS 6.5): RFC 6238 TOTP through otplib (SHA-1, 6 digits, 30 s:
// what every authenticator app reads), with a ±30 s window and replay refused by the last accepted time
// step; recovery codes for a lost phone, each usable once and stored only as an HMAC.
import { randomBytes } from 'node:crypto';
import { generateSecret, generateSync, generateURI, verify } from 'otplib';
import type { Clock } from '../deps';
import type { CryptoProvider } from '../crypto/provider';

export const RECOVERY_CODE_COUNT = 10;

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app scans (the QR code the UI draws). */
export function totpUri(secret: string, issuer: string, label: string): string {
  return generateURI({ secret, issuer, label });
}

/** The current code (tests, and the CLI's self-check). */
export function totpNow(secret: string, clock: Clock): string {
  return generateSync({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
}

/** The accepted time step, or null; codes at or before `afterStep` are refused (no replay). */
export async function checkTotp(secret: string, code: string, clock: Clock, afterStep: number | null): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const epoch = Math.floor(clock.now().getTime() / 1000);
  try {
    const r = await verify({ secret, token, epoch, epochTolerance: 30, ...(afterStep != null ? { afterTimeStep: afterStep } : {}) });
    return r.valid ? (r as { timeStep: number }).timeStep : null;
  } catch {
    // otplib refuses an afterTimeStep beyond the window (a clock set back): treat as not valid
    return null;
  }
}

const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'; // no 0/o, 1/l/i

/** Ten codes like "k7m2-x9qa-p4tw" (≈ 60 bits each), shown once. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const b = randomBytes(12);
    const chars = [...b].map((x) => ALPHABET[x % ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^0-9a-z]/g, '');
}

export function recoveryCodeHash(crypto: CryptoProvider, code: string): string {
  return crypto.mac('recovery', normaliseRecoveryCode(code));
}
