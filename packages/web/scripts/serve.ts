// A small static server for the built app (dist/), bound to 127.0.0.1. It sets the content types
// the wasm backend and the model loader need and a Content-Security-Policy that lets the page talk
// to its own origin only, so video and landmarks cannot leave the device even by mistake.
// Run: tsx scripts/serve.ts  (PORT=8080 to choose the port; 0 picks a free one).

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mimeType } from './mime.ts';

export const DEFAULT_PORT = 5173;
export const HOST = '127.0.0.1';

/**
 * Same origin only. 'wasm-unsafe-eval' lets WebAssembly compile (the pose model runs on tfjs wasm)
 * without allowing JavaScript eval; mediastream:/blob: let the <video> show the camera.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
};

export const DEFAULT_DIST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8' };

/** The file under root a request asks for, or the status to answer instead. */
function resolveRequest(root: string, req: IncomingMessage): { file: string; pathname: string } | number {
  if (req.method !== 'GET' && req.method !== 'HEAD') return 405;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname);
  } catch {
    return 400;
  }
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = path.join(root, path.normalize(pathname));
  if (file !== root && !file.startsWith(root + path.sep)) return 403;
  return { file, pathname };
}

const REFUSALS: Record<number, string> = {
  400: 'Bad request\n',
  403: 'Forbidden\n',
  404: 'Not found\n',
  405: 'Method not allowed\n',
};

function refuse(res: ServerResponse, status: number): void {
  res.writeHead(status, status === 405 ? { Allow: 'GET, HEAD', ...TEXT } : TEXT).end(REFUSALS[status]);
}

function serveFile(root: string, req: IncomingMessage, res: ServerResponse): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
  const target = resolveRequest(root, req);
  if (typeof target === 'number') return refuse(res, target);
  const { file, pathname } = target;
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    return refuse(res, 404);
  }
  // Hashed bundle files never change; everything else (index.html, models, wasm) is revalidated.
  const immutable = pathname.startsWith('/assets/');
  res.writeHead(200, {
    'Content-Type': mimeType(file),
    'Content-Length': String(size),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

export async function startServer(
  opts: { readonly distDir?: string; readonly port?: number } = {},
): Promise<RunningServer> {
  const root = path.resolve(opts.distDir ?? DEFAULT_DIST_DIR);
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(
      `No built app in ${root}; run "npm run build -w @steadyback/web" first (or "npm start" at the root).`,
    );
  }
  const server: Server = createServer((req, res) => serveFile(root, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULT_PORT, HOST, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : (opts.port ?? DEFAULT_PORT);
  return {
    url: `http://${HOST}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function portFromEnv(): number {
  const raw = process.env['PORT'];
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${raw}".`);
  }
  return port;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const server = await startServer({ port: portFromEnv() });
    console.log(`steadyback is running at ${server.url}`);
    console.log('Open it in a browser on this machine. Video never leaves this device. Press Ctrl+C to stop.');
    const stop = () => void server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    console.error(
      e.code === 'EADDRINUSE'
        ? `Port ${portFromEnv()} is already in use; choose another with PORT=8080 npm start.`
        : e.message,
    );
    process.exit(1);
  }
}
