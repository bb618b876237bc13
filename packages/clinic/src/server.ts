// Starts the clinic: opens (and migrates) the database, serves the app on the configured address
// and closes both on request.

import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { ClinicConfig } from './config.ts';
import type { Db } from './db/db.ts';
import { openDb } from './db/open-db.ts';
import { createClinicApp } from './http/app.ts';
import { defaultDeps } from './http/context.ts';

export interface RunningClinic {
  url: string;
  db: Db;
  close(): Promise<void>;
}

export async function startClinic(config: ClinicConfig): Promise<RunningClinic> {
  const db = await openDb(config);
  const app = createClinicApp(defaultDeps(db));
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    db,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
