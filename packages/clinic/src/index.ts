// Public surface of @steadyback/clinic: start the server, or build its app on a database (tests
// and the benchmark use these).

export { startClinic, type RunningClinic } from './server.ts';
export { createClinicApp } from './http/app.ts';
export { defaultDeps, type AppDeps } from './http/context.ts';
export { configFromEnv, type ClinicConfig } from './config.ts';
export { openDb } from './db/open-db.ts';
export type { Db, DbEngine, Queryable } from './db/db.ts';
export { createClinician } from './store/clinicians.ts';
