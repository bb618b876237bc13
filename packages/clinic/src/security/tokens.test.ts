// Invitation codes a person can type, and the secrets and hashes the clinic keeps.
import { describe, expect, it } from 'vitest';
import {
  INVITE_ALPHABET,
  INVITE_CODE_LENGTH,
  displayInviteCode,
  inviteCode,
  normaliseInviteCode,
  randomToken,
  sameSecret,
  sha256Hex,
} from './tokens.ts';

describe('invitation codes', () => {
  it('are 8 characters of an alphabet without look-alikes (0/O, 1/I/L)', () => {
    expect(INVITE_ALPHABET).not.toMatch(/[01OIL]/);
    const codes = Array.from({ length: 200 }, inviteCode);
    for (const c of codes) expect(c).toMatch(new RegExp(`^[${INVITE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('read back the same when typed in lower case, with spaces or the display dash', () => {
    const code = 'ABCD2345';
    expect(displayInviteCode(code)).toBe('ABCD-2345');
    for (const typed of ['abcd-2345', ' abcd 2345 ', 'ABCD2345']) expect(normaliseInviteCode(typed)).toBe(code);
  });
});

describe('tokens', () => {
  it('are 32 random bytes in base64url, and only their SHA-256 is kept', () => {
    const t = randomToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    expect(sha256Hex(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256Hex(t)).not.toContain(t);
  });

  it('compare equal only when identical', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
  });
});
