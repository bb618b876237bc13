// The two halves of a pairing against the real app server (HTTP for the laptop, HTTPS on the
// "local network" for the phone, here both on 127.0.0.1) with real WebSockets from the `ws`
// package: the phone's clock runs 3.7 s ahead, and its link goes through a relay that cuts it,
// as a Wi-Fi blip would. Nothing is mocked but the orientation readings.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startLinkCutter, type LinkCutter } from '../../scripts/link-cutter.ts';
import { startServer, type RunningServer } from '../../scripts/serve.ts';
import type { SocketFactory } from './pair-link.ts';
import { PhoneSession, type PhonePairState } from './phone-session.ts';
import { ScreenSession, type ScreenPairState } from './screen-session.ts';

const SKEW_MS = 3700;
let dir: string;
let server: RunningServer;
let cutter: LinkCutter;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'steadyback-pair-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startServer({ distDir: dir, port: 0, lan: { host: '127.0.0.1', port: 0, configDir: dir } });
  cutter = await startLinkCutter({ host: '127.0.0.1', port: Number(new URL(server.lanUrl!).port) });
});

afterAll(async () => {
  await cutter?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const screenSocket: SocketFactory = (url) => new WebSocket(url, { origin: server.url.replace(/\/$/, '') });
const phoneSocket: SocketFactory = (url) =>
  new WebSocket(url, { origin: `https://127.0.0.1:${cutter.port}`, rejectUnauthorized: false });

async function until(what: string, ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function pair() {
  const screenStates: ScreenPairState[] = [];
  const phoneStates: PhonePairState[] = [];
  const screen = new ScreenSession({
    url: `ws://127.0.0.1:${server.port}/pair`,
    open: screenSocket,
    now: () => performance.now(),
    onState: (s) => screenStates.push(s),
  });
  screen.start();
  const phoneFor = (code: string) =>
    new PhoneSession({
      url: `wss://127.0.0.1:${cutter.port}/pair`,
      code,
      open: phoneSocket,
      now: () => performance.now() + SKEW_MS,
      onState: (s) => phoneStates.push(s),
    });
  return { screen, screenStates, phoneStates, phoneFor };
}

function sampleEvery20ms(phone: PhoneSession): () => void {
  let k = 0;
  const t = setInterval(() => phone.record({ alpha: 30, beta: 0, gamma: (k++ % 100) / 10 }), 20);
  return () => clearInterval(t);
}

describe('pairing a phone and a laptop', () => {
  it('pairs with the code, shares one clock within 20 ms, and loses no sample across a dropped link', async () => {
    const p = pair();
    await until('a code', () => p.screen.current.kind === 'code');
    const code = p.screen.current.kind === 'code' ? p.screen.current.code : '';
    expect(p.screen.current.kind === 'code' && p.screen.current.phoneUrl).toBe(`${server.lanUrl}#/pair/${code}`);
    const phone = p.phoneFor(code);
    phone.start();
    await until('paired', () => p.screen.current.kind === 'paired' && phone.current.kind === 'paired');
    const stopSampling = sampleEvery20ms(phone);
    await until('round trips', () => p.screen.clock.count >= 5, 3000);
    expect(Math.abs(p.screen.clock.offsetMs! - SKEW_MS)).toBeLessThan(20);

    await new Promise((r) => setTimeout(r, 300));
    cutter.cut();
    await until('the laptop to see the phone gone', () =>
      p.screenStates.some((s) => s.kind === 'paired' && !s.phoneConnected),
    );
    await new Promise((r) => setTimeout(r, 1200));
    const waitingWhileCut = phone.outbox.unconfirmed().length;
    cutter.restore();
    await until('the phone back', () => p.screen.current.kind === 'paired' && p.screen.current.phoneConnected, 6000);
    stopSampling();
    await until('every sample confirmed', () => phone.outbox.unconfirmed().length === 0, 3000);

    expect(waitingWhileCut).toBeGreaterThan(40); // over a second of readings was kept on the phone
    expect(p.screen.inbox.size).toBe(phone.outbox.taken);
    expect(p.screen.inbox.confirmedUpTo).toBe(phone.outbox.taken - 1);
    expect(p.phoneStates.some((s) => s.kind === 'reconnecting')).toBe(true);
    // On the laptop's clock, the samples are where they were taken: 20 ms apart, none in the future.
    const onScreen = p.screen.samplesOnScreenClock();
    expect(Math.max(...onScreen.map((s) => s.screenMs))).toBeLessThanOrEqual(performance.now());
    phone.stop();
    p.screen.stop();
  });

  it('refuses a second phone with a code already used', async () => {
    const p = pair();
    await until('a code', () => p.screen.current.kind === 'code');
    const code = p.screen.current.kind === 'code' ? p.screen.current.code : '';
    const first = p.phoneFor(code);
    first.start();
    await until('paired', () => first.current.kind === 'paired');
    const second = p.phoneFor(code);
    second.start();
    await until('refused', () => second.current.kind === 'refused');
    expect(second.current).toEqual({ kind: 'refused', reason: expect.stringMatching(/not right or has expired/) });
    expect(first.current.kind).toBe('paired');
    first.stop();
    second.stop();
    p.screen.stop();
  });
});
