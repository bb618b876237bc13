// A small static server for the built app (dist/), bound to 127.0.0.1. It sets the content types
// the wasm backend and the model loader need and a Content-Security-Policy that lets the page talk
// to its own origin only, so video and landmarks cannot leave the device even by mistake.
// When this computer has a local network address it also serves the same files over HTTPS there,
// with a certificate it makes for itself, so a phone on the same Wi-Fi can open the app on a secure
// page (its motion sensor needs one). Both servers carry the pairing hub's WebSocket (/pair).
// Run: tsx scripts/serve.ts  (PORT=8080 to choose the port, HTTPS_PORT for the phone's; 0 picks a
// free one; STEADYBACK_LAN_HOST= to choose the network address, empty for none).

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultConfigDir, lanAddress, loadOrCreateCertificate } from './lan-cert.ts';
import { mimeType } from './mime.ts';
import { createPairingHub, type PairingHub } from './pairing-hub.ts';

export const DEFAULT_PORT = 5173;
export const HOST = '127.0.0.1';

/**
 * Same origin only. 'wasm-unsafe-eval' lets WebAssembly compile (the pose model runs on tfjs wasm)
 * without allowing JavaScript eval; mediastream:/blob: let the <video> show the camera; worker-src
 * blob: lets the threaded wasm build start its worker threads. connect-src also allows a clinic the
 * person chose to share with (https, or plain http on this machine): the app contacts it only after
 * they confirm on the data screen (src/sharing/clinic-share.ts), and the tests prove nothing else leaves.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
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
  // With COOP, this makes the page cross-origin isolated: SharedArrayBuffer is allowed, so tfjs picks
  // its threaded SIMD wasm and the pose model uses every core. Everything the app loads is its own.
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
};

export const DEFAULT_DIST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');

export interface LanOptions {
  /** The address to serve HTTPS on (null: none); default lanAddress(). */
  readonly host?: string | null;
  /** Default: HTTPS_PORT, else the HTTP port + 1 (0 when the HTTP port is 0). */
  readonly port?: number;
  /** Where the certificate is kept (in tls/); default defaultConfigDir(). */
  readonly configDir?: string;
}

export interface ServerOptions {
  readonly distDir?: string;
  readonly port?: number;
  /** The phone's HTTPS server on the local network; false for none at all. */
  readonly lan?: LanOptions | false;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** https://host:port/ for the phone, or null when there is no local network address (or lan: false). */
  readonly lanUrl: string | null;
  close(): Promise<void>;
}

/** A port is taken: the message says which variable to set to choose another. */
export class PortInUseError extends Error {
  readonly code = 'EADDRINUSE';
  constructor(
    readonly variable: 'PORT' | 'HTTPS_PORT',
    readonly port: number,
  ) {
    super(
      variable === 'PORT'
        ? `Port ${port} is already in use; choose another with PORT=8080 npm start.`
        : `Port ${port} (the phone's HTTPS address) is already in use; choose another with HTTPS_PORT=8443 npm start.`,
    );
    this.name = 'PortInUseError';
  }
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

/** A port number from an environment variable, or fallback when it is unset or empty. */
export function portFromEnv(name: 'PORT' | 'HTTPS_PORT', fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a whole number from 0 to 65535, got "${raw}".`);
  }
  return port;
}

interface LanSettings {
  readonly host: string;
  readonly port: number;
  readonly configDir: string;
}

function lanSettings(lan: LanOptions | false | undefined, httpPort: number): LanSettings | null {
  if (lan === false) return null;
  const host = lan?.host !== undefined ? lan.host : lanAddress();
  if (!host) return null;
  const port = lan?.port ?? portFromEnv('HTTPS_PORT', httpPort === 0 ? 0 : Math.min(httpPort + 1, 65535));
  return { host, port, configDir: lan?.configDir ?? defaultConfigDir() };
}

/** A host as it goes in a URL (an IPv6 address in brackets). */
function urlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string, variable: 'PORT' | 'HTTPS_PORT'): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(variable, port) : err),
    );
    server.listen(port, host, () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** The HTTPS server for the phone, with the certificate made for host. */
async function createLanServer(lan: LanSettings, handler: RequestListener): Promise<Server> {
  const { key, cert } = await loadOrCreateCertificate(lan.configDir, lan.host);
  return createHttpsServer({ key, cert }, handler);
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const root = path.resolve(opts.distDir ?? DEFAULT_DIST_DIR);
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(
      `No built app in ${root}; run "npm run build -w @steadyback/web" first (or "npm start" at the root).`,
    );
  }
  const requestedPort = opts.port ?? DEFAULT_PORT;
  const lan = lanSettings(opts.lan, requestedPort);
  const handler: RequestListener = (req, res) => serveFile(root, req, res);
  const servers: Server[] = [createServer(handler)];
  if (lan) servers.push(await createLanServer(lan, handler));
  let lanUrl: string | null = null;
  const hub: PairingHub = createPairingHub({
    allowedHosts: [HOST, 'localhost', ...(lan ? [lan.host] : [])],
    phoneUrlFor: (code) => (lanUrl ? `${lanUrl}#/pair/${code}` : null),
  });
  for (const s of servers) s.on('upgrade', (req, socket, head) => hub.handleUpgrade(req, socket, head));
  const close = async (): Promise<void> => {
    await hub.close();
    await Promise.all(servers.map(closeServer));
  };
  try {
    const port = await listen(servers[0]!, requestedPort, HOST, 'PORT');
    if (lan) {
      const httpsPort = await listen(servers[1]!, lan.port, lan.host, 'HTTPS_PORT');
      lanUrl = `https://${urlHost(lan.host)}:${httpsPort}/`;
    }
    return { url: `http://${HOST}:${port}/`, port, lanUrl, close };
  } catch (err) {
    await close();
    throw err;
  }
}

function printAddresses(server: RunningServer): void {
  console.log(`steadyback is running at ${server.url}`);
  console.log('Open it in a browser on this machine. Video never leaves this device. Press Ctrl+C to stop.');
  if (server.lanUrl) {
    console.log(`On your phone (same Wi-Fi): ${server.lanUrl}`);
    console.log(
      'The phone will warn once about the certificate the app made for itself on this computer: that is expected, so accept it to go on.',
    );
  } else {
    console.log(
      'Pairing a phone needs this computer on the same Wi-Fi as the phone; connect it, then start the app again.',
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const server = await startServer({ port: portFromEnv('PORT', DEFAULT_PORT) });
    printAddresses(server);
    const stop = () => void server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
