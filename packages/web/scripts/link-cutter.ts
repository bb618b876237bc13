// A TCP relay in front of the app's HTTPS port that can cut the link the way a Wi-Fi blip or a
// locked phone does: open connections are dropped and new ones refused until it is restored. The
// phone's browser goes through it (TLS passes through untouched), so the tests and bench:pair drop
// a real link and watch the app come back by itself. Dev only: tests and benchmarks.

import { createServer, connect, type Server, type Socket } from 'node:net';

export interface LinkCutter {
  readonly port: number;
  /** Drops every open connection and refuses new ones until restore(). */
  cut(): void;
  restore(): void;
  /** How many times a connection was dropped by cut(). */
  readonly dropped: number;
  close(): Promise<void>;
}

export async function startLinkCutter(target: { host: string; port: number }): Promise<LinkCutter> {
  const open = new Set<Socket>();
  let isCut = false;
  let dropped = 0;
  const server: Server = createServer((client) => {
    if (isCut) return void client.destroy();
    const upstream = connect(target.port, target.host);
    open.add(client);
    open.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, target.host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    port,
    cut() {
      isCut = true;
      dropped += open.size / 2;
      for (const s of open) s.destroy();
      open.clear();
    },
    restore() {
      isCut = false;
    },
    get dropped() {
      return dropped;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
