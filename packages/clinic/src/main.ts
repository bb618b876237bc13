// `npm run clinic`: serves the clinic; `npm run clinic -- add-clinician --email E` creates an
// account (the password from CLINIC_PASSWORD, or asked for on the terminal).

import { createInterface } from 'node:readline';
import { configFromEnv } from './config.ts';
import { openDb } from './db/open-db.ts';
import { ClinicError } from './errors.ts';
import { startClinic } from './server.ts';
import { createClinician } from './store/clinicians.ts';

const USAGE = 'Usage: npm run clinic [-- add-clinician --email name@clinic.example]';

async function askPassword(): Promise<string> {
  const fromEnv = process.env['CLINIC_PASSWORD'];
  if (fromEnv) return fromEnv;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) process.stdout.write('Password (at least 12 characters, not shown): ');
  // Hide what is typed on a terminal; piped input is read as it comes.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  const line = await new Promise<string>((resolve) => rl.once('line', resolve));
  rl.close();
  process.stdout.write('\n');
  return line;
}

async function addClinician(args: string[]): Promise<void> {
  const at = args.indexOf('--email');
  const email = at >= 0 ? args[at + 1] : undefined;
  if (!email) throw new Error(`add-clinician needs --email. ${USAGE}`);
  const config = configFromEnv(process.env);
  const password = await askPassword();
  const db = await openDb(config);
  try {
    await createClinician(db, email, password);
    console.log(`Added clinician ${email.trim().toLowerCase()}.`);
  } finally {
    await db.close();
  }
}

async function serveClinic(): Promise<void> {
  const config = configFromEnv(process.env);
  const clinic = await startClinic(config);
  const where = config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`;
  console.log(`steadyback clinic on ${clinic.url} (${where})`);
  const stop = () => void clinic.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(args: string[]): Promise<void> {
  if (args.length === 0 || args[0] === 'serve') return serveClinic();
  if (args[0] === 'add-clinician') return addClinician(args.slice(1));
  throw new Error(`Unknown command "${args[0]}". ${USAGE}`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof ClinicError || err instanceof Error ? err.message : String(err));
  process.exit(1);
});
