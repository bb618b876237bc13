// The pairing hub on the app's own server: a laptop's screen asks for a six-digit code, the phone
// types it (or scans it), and from then on the hub forwards each device's relay frames to the
// other. It only pairs and forwards: pairs live in memory, nothing is written anywhere, and a
// pair is forgotten once its code expired unused or both devices have been away for a while.

import { randomBytes, randomInt } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import {
  CODE_LENGTH,
  CODE_TTL_MS,
  MAX_MESSAGE_BYTES,
  PAIR_IDLE_TTL_MS,
  PAIR_PATH,
  helloSchema,
  parseFrame,
  relaySchema,
  type Hello,
  type HubMessage,
} from '../src/pairing/protocol.ts';

/** The first frame must be a hello within this long. */
export const HELLO_TIMEOUT_MS = 5_000;
/** Every socket is pinged this often and dropped when it did not answer the previous ping. */
export const HEARTBEAT_MS = 10_000;
/** How often forgotten pairs and old wrong-code counts are swept (also on every hello). */
export const SWEEP_MS = 30_000;
/** At most this many pairs at once. */
export const MAX_PAIRS = 50;
/** Wrong codes one address may try per window before it must wait for the window to end. */
export const WRONG_CODE_LIMIT = 5;
export const WRONG_CODE_WINDOW_MS = 60_000;
/** The close code for a socket the hub will not serve (no hello, bad hello, refused). */
export const POLICY_CLOSE = 1008;

/** What the hub says, one sentence each, when it will not pair or resume a device. */
export const REFUSALS = {
  wrongCode: 'That code is not right or has expired: type the code the laptop shows now, or scan its QR code again.',
  tooManyCodes: 'Too many wrong codes were tried from this phone: wait a minute, then type the code the laptop shows.',
  ended: 'This pairing has ended: pair the phone again from the laptop.',
  full: 'Too many laptops are waiting to pair with this computer: close the other pairing pages, then try again.',
} as const;

export interface PairingHubOptions {
  /** The address the phone opens for a code, or null when this computer has no local network address. */
  readonly phoneUrlFor: (code: string) => string | null;
  /** Host names whose pages may connect (any port, http or https). */
  readonly allowedHosts: readonly string[];
  /** The clock for code expiry, idle pairs and the wrong-code limit (tests). */
  readonly now?: () => number;
}

export interface PairingHub {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
  pairCount(): number;
}

type Role = 'screen' | 'phone';

interface Pair {
  readonly code: string;
  readonly codeExpiresAt: number;
  codeUsed: boolean;
  readonly tokens: Record<Role, string | null>;
  readonly sockets: Record<Role, WebSocket | null>;
  /** Since when neither device has been connected (null while one is). */
  awaySince: number | null;
}

interface Binding {
  readonly pair: Pair;
  readonly role: Role;
}

const otherRole = (role: Role): Role => (role === 'screen' ? 'phone' : 'screen');
const newToken = (): string => randomBytes(16).toString('base64url');

function send(ws: WebSocket | null, msg: HubMessage): void {
  if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(msg));
}

function refuse(ws: WebSocket, reason: string): void {
  send(ws, { type: 'refused', reason });
  ws.close(POLICY_CLOSE);
}

/** A text frame's text; null for a binary frame. */
function frameText(data: RawData, isBinary: boolean): string | null {
  if (isBinary) return null;
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/** Whether an Origin header names one of hosts, over http or https, on any port. */
export function originAllowed(origin: string | undefined, hosts: ReadonlySet<string>): boolean {
  if (!origin) return false;
  try {
    const u = new URL(origin);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    return hosts.has(u.hostname.replace(/^\[|\]$/g, '').toLowerCase());
  } catch {
    return false;
  }
}

function pathOf(req: IncomingMessage): string | null {
  try {
    return new URL(req.url ?? '/', 'http://local').pathname;
  } catch {
    return null;
  }
}

function forbid(socket: Duplex): void {
  socket.on('error', () => undefined);
  socket.once('finish', () => socket.destroy());
  socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
}

class Hub implements PairingHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly hosts: ReadonlySet<string>;
  private readonly now: () => number;
  private readonly pairs = new Map<string, Pair>();
  private readonly tokens = new Map<string, Binding>();
  private readonly bindings = new Map<WebSocket, Binding>();
  private readonly answered = new WeakSet<WebSocket>();
  private readonly awaitingPong = new WeakSet<WebSocket>();
  private readonly wrongCodes = new Map<string, { since: number; count: number }>();
  private readonly timers: ReturnType<typeof setInterval>[];
  private closing = false;

  constructor(private readonly opts: PairingHubOptions) {
    this.hosts = new Set(opts.allowedHosts.map((h) => h.replace(/^\[|\]$/g, '').toLowerCase()));
    this.now = opts.now ?? Date.now;
    this.timers = [
      setInterval(() => this.heartbeat(), HEARTBEAT_MS).unref(),
      setInterval(() => this.sweep(), SWEEP_MS).unref(),
    ];
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.closing || pathOf(req) !== PAIR_PATH || !originAllowed(req.headers.origin, this.hosts)) {
      forbid(socket);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connected(ws, req.socket.remoteAddress ?? ''));
  }

  pairCount(): number {
    return this.pairs.size;
  }

  close(): Promise<void> {
    this.closing = true;
    for (const t of this.timers) clearInterval(t);
    for (const ws of this.wss.clients) ws.terminate();
    this.pairs.clear();
    this.tokens.clear();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private connected(ws: WebSocket, address: string): void {
    ws.on('error', () => undefined);
    ws.on('pong', () => this.awaitingPong.delete(ws));
    const helloTimer = setTimeout(() => ws.close(POLICY_CLOSE), HELLO_TIMEOUT_MS);
    ws.on('message', (data, isBinary) => {
      const text = frameText(data, isBinary);
      const binding = this.bindings.get(ws);
      if (binding) return this.relay(binding, text);
      if (this.answered.has(ws)) return;
      this.answered.add(ws);
      clearTimeout(helloTimer);
      const hello = text === null ? null : parseFrame(helloSchema, text);
      if (!hello) return ws.close(POLICY_CLOSE);
      this.hello(ws, hello, address);
    });
    ws.on('close', () => {
      clearTimeout(helloTimer);
      this.disconnected(ws);
    });
  }

  private heartbeat(): void {
    for (const ws of this.wss.clients) {
      if (this.awaitingPong.has(ws)) {
        ws.terminate();
        continue;
      }
      this.awaitingPong.add(ws);
      ws.ping();
    }
  }

  private hello(ws: WebSocket, hello: Hello, address: string): void {
    this.sweep();
    if (hello.type === 'hello-screen') this.newScreen(ws);
    else if (hello.type === 'hello-phone') this.newPhone(ws, hello.code, address);
    else this.resume(ws, hello.role, hello.token);
  }

  private newScreen(ws: WebSocket): void {
    if (this.pairs.size >= MAX_PAIRS) return refuse(ws, REFUSALS.full);
    let code: string;
    do code = String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, '0');
    while (this.pairs.has(code));
    const token = newToken();
    const pair: Pair = {
      code,
      codeExpiresAt: this.now() + CODE_TTL_MS,
      codeUsed: false,
      tokens: { screen: token, phone: null },
      sockets: { screen: null, phone: null },
      awaySince: null,
    };
    this.pairs.set(code, pair);
    this.tokens.set(token, { pair, role: 'screen' });
    this.bind(ws, pair, 'screen');
    send(ws, { type: 'code', code, expiresInMs: CODE_TTL_MS, phoneUrl: this.opts.phoneUrlFor(code), token });
  }

  private newPhone(ws: WebSocket, code: string, address: string): void {
    const t = this.now();
    let tries = this.wrongCodes.get(address);
    if (tries && t - tries.since >= WRONG_CODE_WINDOW_MS) tries = undefined;
    if (tries && tries.count >= WRONG_CODE_LIMIT) return refuse(ws, REFUSALS.tooManyCodes);
    const pair = this.pairs.get(code);
    if (!pair || pair.codeUsed || t >= pair.codeExpiresAt) {
      this.wrongCodes.set(address, { since: tries?.since ?? t, count: (tries?.count ?? 0) + 1 });
      return refuse(ws, REFUSALS.wrongCode);
    }
    pair.codeUsed = true;
    const token = newToken();
    pair.tokens.phone = token;
    this.tokens.set(token, { pair, role: 'phone' });
    this.bind(ws, pair, 'phone');
    send(ws, { type: 'paired', token });
    send(pair.sockets.screen, { type: 'paired' });
  }

  private resume(ws: WebSocket, role: Role, token: string): void {
    const found = this.tokens.get(token);
    if (!found || found.role !== role) return refuse(ws, REFUSALS.ended);
    const { pair } = found;
    const old = pair.sockets[role];
    if (old) {
      this.bindings.delete(old);
      old.close(1000);
    }
    this.bind(ws, pair, role);
    const peer = pair.sockets[otherRole(role)];
    send(ws, { type: 'paired' });
    send(ws, { type: 'peer', connected: peer?.readyState === WebSocket.OPEN });
    send(peer, { type: 'peer', connected: true });
  }

  private bind(ws: WebSocket, pair: Pair, role: Role): void {
    pair.sockets[role] = ws;
    pair.awaySince = null;
    this.bindings.set(ws, { pair, role });
  }

  private relay({ pair, role }: Binding, text: string | null): void {
    const msg = text === null ? null : parseFrame(relaySchema, text);
    if (!msg) return;
    const peer = pair.sockets[otherRole(role)];
    if (peer?.readyState === WebSocket.OPEN) peer.send(JSON.stringify(msg));
  }

  private disconnected(ws: WebSocket): void {
    const binding = this.bindings.get(ws);
    if (!binding) return;
    this.bindings.delete(ws);
    const { pair, role } = binding;
    if (pair.sockets[role] !== ws) return;
    pair.sockets[role] = null;
    const peer = pair.sockets[otherRole(role)];
    if (peer) send(peer, { type: 'peer', connected: false });
    else pair.awaySince = this.now();
  }

  /** Forgets pairs whose code expired unused with the screen gone, or whose devices have both been away too long. */
  private sweep(): void {
    const t = this.now();
    for (const pair of this.pairs.values()) {
      const codeDead = !pair.codeUsed && t >= pair.codeExpiresAt && !pair.sockets.screen;
      const idle = pair.awaySince !== null && t - pair.awaySince >= PAIR_IDLE_TTL_MS;
      if (!codeDead && !idle) continue;
      this.pairs.delete(pair.code);
      for (const token of Object.values(pair.tokens)) if (token) this.tokens.delete(token);
    }
    for (const [address, tries] of this.wrongCodes) {
      if (t - tries.since >= WRONG_CODE_WINDOW_MS) this.wrongCodes.delete(address);
    }
  }
}

/** The hub; route the HTTP and HTTPS servers' `upgrade` events to its handleUpgrade. */
export function createPairingHub(opts: PairingHubOptions): PairingHub {
  return new Hub(opts);
}
