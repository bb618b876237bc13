// Secrets the clinic hands out and the hashes it keeps instead: session and share tokens (32
// random bytes, base64url), CSRF tokens, and short invitation codes a person can type.

import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** No 0/O, 1/I/L, or U: easy to read aloud and to type from a screen. */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
export const INVITE_CODE_LENGTH = 8;

export const randomToken = (): string => randomBytes(32).toString('base64url');

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function inviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

/** What a person typed, as the code is stored: upper case, spaces and dashes removed. */
export const normaliseInviteCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');

/** Groups of four for display: "ABCD-EFGH". */
export const displayInviteCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
