// Lost writes: several senders upload while the server is killed with SIGKILL mid-stream; the
// server is started again on the same data, and every upload it had acknowledged (2xx, so after
// its transaction committed) is looked up in the database.

import { openDb } from '../../src/db/open-db.ts';
import { startChildClinic, type ChildClinic } from './child-server.ts';
import { uploadOnce } from './seed.ts';

export interface LostWrites {
  acknowledged: number;
  missing: number;
  restartedHealthy: boolean;
}

async function sender(url: string, token: string, body: string, acked: string[], stop: () => boolean): Promise<void> {
  while (!stop()) {
    try {
      const res = await uploadOnce(url, token, body);
      if (res.status === 201) acked.push(((await res.json()) as { uploadId: string }).uploadId);
      else await res.arrayBuffer();
    } catch {
      return; // the server is gone
    }
  }
}

export async function lostWrites(
  server: ChildClinic,
  env: Record<string, string>,
  target: { dataDir: string; databaseUrl: string | null },
  tokens: string[],
  body: string,
): Promise<LostWrites> {
  const acked: string[] = [];
  let killed = false;
  const senders = tokens.slice(0, 4).map((t) => sender(server.url, t, body, acked, () => killed));
  await new Promise((r) => setTimeout(r, 2_000));
  killed = true;
  await server.stop('SIGKILL');
  await Promise.all(senders);
  const again = await startChildClinic(env);
  const restartedHealthy = (await fetch(`${again.url}/health`)).status === 200;
  await again.stop('SIGTERM');
  const db = await openDb(target);
  try {
    const rows = await db.query<{ id: string }>(
      "SELECT id::text AS id FROM uploads WHERE id::text = ANY(string_to_array($1, ','))",
      [acked.join(',')],
    );
    return { acknowledged: acked.length, missing: acked.length - rows.length, restartedHealthy };
  } finally {
    await db.close();
  }
}
