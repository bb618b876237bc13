// Clinician passwords: argon2id (@node-rs/argon2, the OWASP minimum of 19 MiB, 2 passes), and a
// dummy hash to verify against when the email is unknown so both cases take the same time.

import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id: the package declares it as a const enum, which isolated modules cannot read. */
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const MIN_PASSWORD_LENGTH = 12;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

let dummy: Promise<string> | null = null;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    dummy ??= hashPassword('not a real password, only for timing');
    await verify(await dummy, password);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
