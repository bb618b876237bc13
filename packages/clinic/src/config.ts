// The server's settings from the environment, checked once at start with one sentence per
// mistake: PORT (default 8787), CLINIC_HOST (default 127.0.0.1), CLINIC_DATA_DIR (the embedded
// database's folder) and DATABASE_URL (PostgreSQL instead of the embedded database).

import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const DEFAULT_PORT = 8787;

export interface ClinicConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  CLINIC_HOST: z.string().min(1).default('127.0.0.1'),
  CLINIC_DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
});

export function configFromEnv(env: NodeJS.ProcessEnv): ClinicConfig {
  const parsed = envSchema.safeParse({ ...env, DATABASE_URL: env['DATABASE_URL'] || undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`The setting ${issue.path.join('.')} ${issue.message}; fix it and start again.`);
  }
  const e = parsed.data;
  return {
    host: e.CLINIC_HOST,
    port: e.PORT,
    dataDir: e.CLINIC_DATA_DIR ?? join(homedir(), '.local', 'share', 'steadyback-clinic'),
    databaseUrl: e.DATABASE_URL ?? null,
  };
}
