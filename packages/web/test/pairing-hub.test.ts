// The pairing hub on the app's own server, through real sockets: the screen on http://127.0.0.1,
// the phone on the HTTPS address, pairing by code, relaying both ways, coming back with a token,
// and refusing what it should (wrong, used or expired codes, other origins, big or early frames).

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { request } from 'node:https';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket, type ClientOptions } from 'ws';
import { createPairingHub, type PairingHub } from '../scripts/pairing-hub.ts';
import { startServer, type RunningServer } from '../scripts/serve.ts';
import { CODE_TTL_MS, MAX_MESSAGE_BYTES, PAIR_IDLE_TTL_MS, hubMessageSchema } from '../src/pairing/protocol.ts';

const WRONG_CODE =
  'That code is not right or has expired: type the code the laptop shows now, or scan its QR code again.';
const ENDED = 'This pairing has ended: pair the phone again from the laptop.';
const WAIT_A_MINUTE =
  'Too many wrong codes were tried from this phone: wait a minute, then type the code the laptop shows.';
const FULL = 'Too many laptops are waiting to pair with this computer: close the other pairing pages, then try again.';

/** A ws client that queues every text frame it gets. */
class Client {
  private readonly queue: string[] = [];
  private readonly waiters: ((raw: string) => void)[] = [];
  readonly closed: Promise<number>;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const raw = String(data);
      const waiter = this.waiters.shift();
      if (waiter) waiter(raw);
      else this.queue.push(raw);
    });
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  }

  /** The next frame as sent. */
  nextRaw(): Promise<string> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no frame within 3 s')), 3000);
      this.waiters.push((raw) => {
        clearTimeout(timer);
        resolve(raw);
      });
    });
  }

  async next(): Promise<unknown> {
    return JSON.parse(await this.nextRaw()) as unknown;
  }

  send(value: unknown): void {
    this.ws.send(typeof value === 'string' ? value : JSON.stringify(value));
  }
}

const clients: Client[] = [];

function connect(url: string, opts: ClientOptions): Promise<Client> {
  const ws = new WebSocket(url, opts);
  const client = new Client(ws);
  clients.push(client);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('error', reject);
  });
}

/** The HTTP status the server answered an upgrade with (101 when it accepted). */
function upgradeStatus(url: string, opts: ClientOptions): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, opts);
    ws.on('error', () => undefined);
    ws.on('unexpected-response', (req, res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    ws.on('open', () => {
      resolve(101);
      ws.terminate();
    });
  });
}

afterEach(() => {
  for (const c of clients.splice(0)) c.ws.terminate();
});

let distDir: string;
let configDir: string;
let server: RunningServer;
let cert: string;
let screenUrl: string;
let phoneUrl: string;
let screenOpts: ClientOptions;
let phoneOpts: ClientOptions;

beforeAll(async () => {
  distDir = mkdtempSync(path.join(os.tmpdir(), 'steadyback-hub-dist-'));
  configDir = mkdtempSync(path.join(os.tmpdir(), 'steadyback-hub-config-'));
  writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startServer({ distDir, port: 0, lan: { host: '127.0.0.1', port: 0, configDir } });
  cert = readFileSync(path.join(configDir, 'tls', 'cert.pem'), 'utf8');
  const lanPort = Number(new URL(server.lanUrl ?? 'https://x:1/').port);
  screenUrl = `ws://127.0.0.1:${server.port}/pair`;
  phoneUrl = `wss://127.0.0.1:${lanPort}/pair`;
  screenOpts = { origin: `http://127.0.0.1:${server.port}` };
  phoneOpts = { origin: `https://127.0.0.1:${lanPort}`, ca: cert };
});

afterAll(async () => {
  await server?.close();
  rmSync(distDir, { recursive: true, force: true });
  rmSync(configDir, { recursive: true, force: true });
});

interface CodeMsg {
  type: 'code';
  code: string;
  expiresInMs: number;
  phoneUrl: string | null;
  token: string;
}

async function newScreen(url = screenUrl, opts = screenOpts): Promise<{ screen: Client; code: CodeMsg }> {
  const screen = await connect(url, opts);
  screen.send({ type: 'hello-screen' });
  const code = (await screen.next()) as CodeMsg;
  expect(code.type).toBe('code');
  return { screen, code };
}

async function pairPhone(): Promise<{ screen: Client; phone: Client; screenToken: string; phoneToken: string }> {
  const { screen, code } = await newScreen();
  const phone = await connect(phoneUrl, phoneOpts);
  phone.send({ type: 'hello-phone', code: code.code });
  const paired = (await phone.next()) as { type: string; token: string };
  expect(paired.type).toBe('paired');
  expect(await screen.next()).toEqual({ type: 'paired' });
  return { screen, phone, screenToken: code.token, phoneToken: paired.token };
}

async function expectRefused(client: Client, reason: string): Promise<void> {
  expect(await client.next()).toEqual({ type: 'refused', reason });
  expect(await client.closed).toBe(1008);
}

describe('pairing hub on the app server', () => {
  it('serves the app over HTTPS on the local address with the same headers', async () => {
    expect(server.lanUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await new Promise<{ status: number; csp: unknown }>((resolve, reject) => {
      const req = request(server.lanUrl!, { ca: cert }, (r) => {
        r.resume();
        resolve({ status: r.statusCode ?? 0, csp: r.headers['content-security-policy'] });
      });
      req.on('error', reject);
      req.end();
    });
    expect(res.status).toBe(200);
    expect(String(res.csp)).toContain("connect-src 'self'");
  });

  it('names the variable to change when either port is taken', async () => {
    const lanPort = Number(new URL(server.lanUrl!).port);
    await expect(startServer({ distDir, port: server.port, lan: false })).rejects.toThrow(
      `Port ${server.port} is already in use; choose another with PORT=8080 npm start.`,
    );
    await expect(
      startServer({ distDir, port: 0, lan: { host: '127.0.0.1', port: lanPort, configDir } }),
    ).rejects.toThrow(
      `Port ${lanPort} (the phone's HTTPS address) is already in use; choose another with HTTPS_PORT=8443 npm start.`,
    );
  });

  it('gives no phone address and serves no HTTPS without a local network address', async () => {
    const alone = await startServer({ distDir, port: 0, lan: { host: null } });
    try {
      expect(alone.lanUrl).toBeNull();
      const { code } = await newScreen(`ws://127.0.0.1:${alone.port}/pair`, { origin: 'http://127.0.0.1' });
      expect(code.phoneUrl).toBeNull();
    } finally {
      await alone.close();
    }
  });

  it('gives a screen a six-digit code, its lifetime, a token and the phone address carrying the code', async () => {
    const { code } = await newScreen();
    expect(hubMessageSchema.safeParse(code).success).toBe(true);
    expect(code.code).toMatch(/^[0-9]{6}$/);
    expect(code.expiresInMs).toBe(CODE_TTL_MS);
    expect(code.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(code.phoneUrl).toBe(`${server.lanUrl}#/pair/${code.code}`);
  });

  it('accepts a page on localhost at any port, and a screen over the HTTPS address', async () => {
    await newScreen(screenUrl, { origin: 'http://localhost:4321' });
    const { code } = await newScreen(phoneUrl, phoneOpts);
    expect(code.code).toMatch(/^[0-9]{6}$/);
  });

  it('pairs the phone that sends the code: the phone gets its own token, the screen hears it paired', async () => {
    const { phoneToken, screenToken } = await pairPhone();
    expect(phoneToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(phoneToken).not.toBe(screenToken);
  });

  it('forwards relay frames both ways, re-serialised from what it parsed', async () => {
    const { screen, phone } = await pairPhone();
    const samples = { type: 'samples', samples: [{ seq: 0, tMs: 12.5, alpha: 1, beta: 2, gamma: 3 }] };
    phone.send(`{ "type": "relay", "body": ${JSON.stringify(samples)}, "extra": true }`);
    expect(await screen.nextRaw()).toBe(JSON.stringify({ type: 'relay', body: samples }));
    screen.send({ type: 'relay', body: { type: 'ack', upTo: 0 } });
    expect(await phone.nextRaw()).toBe('{"type":"relay","body":{"type":"ack","upTo":0}}');
  });

  it('does not forward frames that are not relay frames', async () => {
    const { screen, phone } = await pairPhone();
    phone.send('not json');
    phone.send({ type: 'hello-screen' });
    phone.send({ type: 'relay', body: { type: 'ack', upTo: 'all' } });
    phone.send({ type: 'samples', samples: [] });
    phone.ws.send(Buffer.from(JSON.stringify({ type: 'relay', body: { type: 'ack', upTo: 1 } })), { binary: true });
    phone.send({ type: 'relay', body: { type: 'state', measuring: true } });
    // Frames keep their order, so the first thing the screen gets is the last, valid one.
    expect(await screen.next()).toEqual({ type: 'relay', body: { type: 'state', measuring: true } });
  });

  it('refuses a second phone with a code already used', async () => {
    const { screen, code } = await newScreen();
    const first = await connect(phoneUrl, phoneOpts);
    first.send({ type: 'hello-phone', code: code.code });
    expect(((await first.next()) as { type: string }).type).toBe('paired');
    expect(await screen.next()).toEqual({ type: 'paired' });
    const second = await connect(phoneUrl, phoneOpts);
    second.send({ type: 'hello-phone', code: code.code });
    await expectRefused(second, WRONG_CODE);
  });

  it('refuses a wrong code', async () => {
    const { code } = await newScreen();
    const phone = await connect(phoneUrl, phoneOpts);
    phone.send({ type: 'hello-phone', code: code.code === '999999' ? '999998' : '999999' });
    await expectRefused(phone, WRONG_CODE);
  });

  it('lets the phone come back with its token: the screen sees it go and return, and relay works again', async () => {
    const { screen, phone, phoneToken } = await pairPhone();
    phone.ws.close();
    expect(await screen.next()).toEqual({ type: 'peer', connected: false });
    const back = await connect(phoneUrl, phoneOpts);
    back.send({ type: 'resume', role: 'phone', token: phoneToken });
    expect(await back.next()).toEqual({ type: 'paired' });
    expect(await back.next()).toEqual({ type: 'peer', connected: true });
    expect(await screen.next()).toEqual({ type: 'peer', connected: true });
    back.send({ type: 'relay', body: { type: 'pong', id: 1, t0: 5, tPhone: 9 } });
    expect(await screen.next()).toEqual({ type: 'relay', body: { type: 'pong', id: 1, t0: 5, tPhone: 9 } });
    screen.send({ type: 'relay', body: { type: 'ping', id: 2, t0: 7 } });
    expect(await back.next()).toEqual({ type: 'relay', body: { type: 'ping', id: 2, t0: 7 } });
  });

  it('replaces the old socket of a device that comes back while it still looked connected', async () => {
    const { screen, phone, screenToken } = await pairPhone();
    const again = await connect(screenUrl, screenOpts);
    again.send({ type: 'resume', role: 'screen', token: screenToken });
    expect(await again.next()).toEqual({ type: 'paired' });
    expect(await again.next()).toEqual({ type: 'peer', connected: true });
    expect(await phone.next()).toEqual({ type: 'peer', connected: true });
    expect(await screen.closed).toBe(1000);
    phone.send({ type: 'relay', body: { type: 'ack', upTo: 4 } });
    expect(await again.next()).toEqual({ type: 'relay', body: { type: 'ack', upTo: 4 } });
  });

  it('refuses to resume with a token it does not know, or with a token of the other role', async () => {
    const unknown = await connect(phoneUrl, phoneOpts);
    unknown.send({ type: 'resume', role: 'phone', token: randomBytes(16).toString('base64url') });
    await expectRefused(unknown, ENDED);
    const { screenToken } = await pairPhone();
    const wrongRole = await connect(phoneUrl, phoneOpts);
    wrongRole.send({ type: 'resume', role: 'phone', token: screenToken });
    await expectRefused(wrongRole, ENDED);
  });

  it('answers 403 to another origin, to no origin and to another path', async () => {
    expect(await upgradeStatus(screenUrl, { origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(phoneUrl, { origin: 'http://evil.example', ca: cert })).toBe(403);
    expect(await upgradeStatus(screenUrl, { origin: 'file://127.0.0.1' })).toBe(403);
    expect(await upgradeStatus(screenUrl, {})).toBe(403);
    expect(await upgradeStatus(screenUrl.replace('/pair', '/other'), screenOpts)).toBe(403);
    expect(await upgradeStatus(screenUrl, screenOpts)).toBe(101);
  });

  it('closes a socket whose first frame is not a hello', async () => {
    const early = await connect(screenUrl, screenOpts);
    early.send({ type: 'relay', body: { type: 'ack', upTo: 1 } });
    expect(await early.closed).toBe(1008);
    const badCode = await connect(phoneUrl, phoneOpts);
    badCode.send({ type: 'hello-phone', code: '12' });
    expect(await badCode.closed).toBe(1008);
  });

  it('closes a socket that says nothing for 5 s', { timeout: 10_000 }, async () => {
    const t0 = Date.now();
    const quiet = await connect(screenUrl, screenOpts);
    expect(await quiet.closed).toBe(1008);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(4900);
  });

  it('closes a socket that sends a frame larger than MAX_MESSAGE_BYTES', async () => {
    const { screen, phone } = await pairPhone();
    const body = { type: 'state', measuring: true, pad: 'x'.repeat(MAX_MESSAGE_BYTES) };
    phone.send({ type: 'relay', body });
    expect(await phone.closed).toBe(1009);
    expect(await screen.next()).toEqual({ type: 'peer', connected: false });
  });
});

/** A hub on a plain HTTP server of its own, with a clock the test moves. */
async function ownHub(): Promise<{
  hub: PairingHub;
  url: string;
  clock: { t: number };
  /** Resolves once the server has seen every socket it upgraded close. */
  settled(): Promise<void>;
  close(): Promise<void>;
}> {
  const clock = { t: 1_000_000 };
  const hub = createPairingHub({ phoneUrlFor: () => null, allowedHosts: ['127.0.0.1'], now: () => clock.t });
  const http: Server = createServer();
  const open = new Set<Socket>();
  http.on('upgrade', (req, socket, head) => {
    open.add(socket as Socket);
    socket.on('close', () => open.delete(socket as Socket));
    hub.handleUpgrade(req, socket, head);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const addr = http.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    hub,
    url: `ws://127.0.0.1:${port}/pair`,
    clock,
    settled: async () => {
      await vi.waitFor(() => expect(open.size).toBe(clients.filter((c) => c.ws.readyState === WebSocket.OPEN).length));
      await new Promise((r) => setTimeout(r, 20));
    },
    close: async () => {
      await hub.close();
      http.closeAllConnections();
      await new Promise((r) => http.close(r));
    },
  };
}

describe('pairing hub with its own clock', () => {
  let own: Awaited<ReturnType<typeof ownHub>>;
  const opts: ClientOptions = { origin: 'http://127.0.0.1' };

  beforeAll(async () => {
    own = await ownHub();
  });
  afterAll(async () => {
    await own?.close();
  });

  async function screenCode(): Promise<{ screen: Client; code: CodeMsg }> {
    return newScreen(own.url, opts);
  }

  async function phoneWith(code: string): Promise<Client> {
    const phone = await connect(own.url, opts);
    phone.send({ type: 'hello-phone', code });
    return phone;
  }

  /** Says a hello that changes nothing, so the hub sweeps. */
  async function sweep(): Promise<void> {
    const probe = await connect(own.url, opts);
    probe.send({ type: 'resume', role: 'screen', token: randomBytes(16).toString('base64url') });
    await expectRefused(probe, ENDED);
  }

  afterEach(async () => {
    for (const c of clients.splice(0)) c.ws.terminate();
    await own.settled();
    own.clock.t += PAIR_IDLE_TTL_MS + CODE_TTL_MS;
    await sweep();
    expect(own.hub.pairCount()).toBe(0);
  });

  it('pairs with a code until just before it expires, and refuses it from then on', async () => {
    const early = await screenCode();
    own.clock.t += CODE_TTL_MS - 1;
    expect(((await (await phoneWith(early.code.code)).next()) as { type: string }).type).toBe('paired');
    const late = await screenCode();
    own.clock.t += CODE_TTL_MS;
    await expectRefused(await phoneWith(late.code.code), WRONG_CODE);
  });

  it('after 5 wrong codes in a minute refuses even the right one, then takes it once the minute is over', async () => {
    const { screen, code } = await screenCode();
    const wrong = code.code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) {
      await expectRefused(await phoneWith(wrong), WRONG_CODE);
      own.clock.t += 1000;
    }
    await expectRefused(await phoneWith(code.code), WAIT_A_MINUTE);
    own.clock.t += 60_000 - 5000;
    const phone = await phoneWith(code.code);
    expect(((await phone.next()) as { type: string }).type).toBe('paired');
    expect(await screen.next()).toEqual({ type: 'paired' });
  });

  it('refuses a 51st waiting screen with a sentence', async () => {
    for (let i = 0; i < 50; i++) await screenCode();
    expect(own.hub.pairCount()).toBe(50);
    const extra = await connect(own.url, opts);
    extra.send({ type: 'hello-screen' });
    await expectRefused(extra, FULL);
  });

  it('forgets a pair whose code expired unused once its screen is gone, not while the screen is there', async () => {
    const { screen } = await screenCode();
    own.clock.t += CODE_TTL_MS;
    await sweep();
    expect(own.hub.pairCount()).toBe(1);
    screen.ws.close();
    await screen.closed;
    await own.settled();
    await sweep();
    expect(own.hub.pairCount()).toBe(0);
  });

  it('forgets a pair both devices left PAIR_IDLE_TTL_MS ago, so its tokens no longer resume', async () => {
    const { screen, code } = await screenCode();
    const phone = await phoneWith(code.code);
    const { token } = (await phone.next()) as { token: string };
    expect(await screen.next()).toEqual({ type: 'paired' });
    phone.ws.close();
    expect(await screen.next()).toEqual({ type: 'peer', connected: false });
    screen.ws.close();
    await screen.closed;
    await own.settled();
    own.clock.t += PAIR_IDLE_TTL_MS - 1;
    await sweep();
    expect(own.hub.pairCount()).toBe(1);
    own.clock.t += 1;
    const back = await connect(own.url, opts);
    back.send({ type: 'resume', role: 'phone', token });
    await expectRefused(back, ENDED);
    expect(own.hub.pairCount()).toBe(0);
  });
});
