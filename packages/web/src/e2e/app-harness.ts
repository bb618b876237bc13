// End-to-end harness: builds the app into a temporary folder (so a developer's dist/ is left
// alone), serves it with the real static server on a free 127.0.0.1 port, and opens Debian's
// Chromium with a fake camera that plays a .y4m clip. Nothing here talks to any other host.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../scripts/serve.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs `vite build` for the web package into `outDir`; rejects with Vite's output on failure. */
export async function buildApp(outDir: string): Promise<void> {
  const viteBin = path.join(
    path.dirname(createRequire(import.meta.url).resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [viteBin, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: WEB_DIR,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code}):\n${output}`)),
    );
  });
}

export interface BuiltApp {
  readonly server: RunningServer;
  readonly distDir: string;
  close(): Promise<void>;
}

/**
 * With `lan`, the app is also served over HTTPS, as for a phone on the local network: here on
 * 127.0.0.1 with a certificate made in a temporary config folder (the user's is left alone).
 */
export async function buildAndServe(o: { readonly lan?: boolean } = {}): Promise<BuiltApp> {
  const distDir = mkdtempSync(path.join(os.tmpdir(), 'steadyback-web-e2e-'));
  const configDir = o.lan ? mkdtempSync(path.join(os.tmpdir(), 'steadyback-config-')) : null;
  const cleanUp = () => {
    rmSync(distDir, { recursive: true, force: true });
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  };
  try {
    await buildApp(distDir);
    const server = await startServer({
      distDir,
      port: 0,
      lan: configDir ? { host: '127.0.0.1', port: 0, configDir } : false,
    });
    return {
      server,
      distDir,
      async close() {
        await server.close();
        cleanUp();
      },
    };
  } catch (err) {
    cleanUp();
    throw err;
  }
}

export interface FakeCameraBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile and a fake camera fed from `y4mPath` (DESIGN.md section 3 flags). */
export async function launchWithFakeCamera(
  y4mPath: string,
  viewport = { width: 420, height: 900 },
): Promise<FakeCameraBrowser> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'steadyback-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      viewport,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${y4mPath}`,
      ],
    });
    return {
      context,
      async close() {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
}

/** The first-run safety questions, answered "none of these apply", as a person would click them. */
export async function passSafetyGate(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'A few safety questions first' }).waitFor();
  await page.getByRole('button', { name: 'None of these apply to me' }).click();
  await page.getByRole('button', { name: 'See what this means' }).click();
  await page.getByTestId('safety-outcome').waitFor();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your back, steadier' }).waitFor();
}

/** Requests that left the app's own 127.0.0.1 origin (data: and blob: URLs never leave the page). */
export function foreignRequests(urls: readonly string[], origin: string): string[] {
  return urls.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
    // The pairing WebSocket goes to the page's own host and port (ws: on http, wss: on https).
    const own =
      url.protocol === 'ws:' || url.protocol === 'wss:'
        ? `${url.protocol === 'wss:' ? 'https' : 'http'}://${url.host}`
        : url.origin;
    return url.hostname !== '127.0.0.1' || own !== origin;
  });
}

/**
 * Plays the phone on the lower back: follows the pacing cue on screen (data-cue, data-leg) and
 * tilts the phone through the DevTools protocol as a pelvis would: the guided rock, and a roll to
 * `targetRollDeg(cue, leg)` reached at most `maxStepDeg` per 40 ms step. Stops when the pacing
 * caption is gone (the set is over) or after `untilMs`.
 */
/** What the phone's driver did: its longest pause between two tilts, and how many pauses passed 200 ms. */
export interface PhoneDrive {
  readonly longestPauseMs: number;
  readonly pausesOver200Ms: number;
}

export async function followPacingWithPhone(
  context: BrowserContext,
  page: Page,
  o: {
    readonly targetRollDeg: (cue: string, leg: string) => number;
    readonly maxStepDeg: number;
    readonly untilMs: number;
    /** How often the tilt is sent (default 40 ms); a phone's own sensor fires about every 16 ms. */
    readonly stepMs?: number;
    /** The phone, when it is another device than the page showing the pacing (paired with a laptop). */
    readonly phone?: { readonly context: BrowserContext; readonly page: Page };
  },
): Promise<PhoneDrive> {
  const cdp = await (o.phone?.context ?? context).newCDPSession(o.phone?.page ?? page);
  const caption = page.getByTestId('caption');
  const start = Date.now();
  // The caption is read on its own loop: a page busy with the pose model answers slowly, and the
  // phone must not pause its tilts while it waits (a real phone keeps sending whatever the laptop does).
  let state: { cue: string; leg: string } | null = { cue: '', leg: '' };
  const reading = (async () => {
    while (state && Date.now() - start < o.untilMs) {
      state = await caption
        .evaluate((el) => ({ cue: el.getAttribute('data-cue') ?? '', leg: el.getAttribute('data-leg') ?? '' }))
        .catch(() => null);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  let rockStart: number | null = null;
  let gamma = 0;
  let tick = 0;
  let last = Date.now();
  let longestPauseMs = 0;
  let pausesOver200Ms = 0;
  while (state && Date.now() - start < o.untilMs) {
    const { cue, leg } = state;
    let beta = 0;
    if (cue === 'calibrate:rock') {
      rockStart ??= Date.now();
      beta = 8 * Math.sin((2 * Math.PI * (Date.now() - rockStart)) / 2000);
    }
    // W3C gamma > 0 = the phone's right edge down = the person's right hip lower (phone top toward the head).
    const target = o.targetRollDeg(cue, leg);
    // The pelvis turns at its own pace in real time: after a pause of the driver (a busy machine),
    // it has moved on as far as that pace allows, rather than lagging by the pause.
    const reach = o.maxStepDeg * Math.max(1, (Date.now() - last) / (o.stepMs ?? 40));
    gamma += Math.max(-reach, Math.min(reach, target - gamma));
    // A real sensor never reads exactly the same twice; Chromium fires an event only on a change of more than 0.1 degree.
    const jitter = (tick++ % 2 === 0 ? 1 : -1) * 0.15;
    await cdp.send('DeviceOrientation.setDeviceOrientationOverride', {
      alpha: 30 + jitter,
      beta: beta + jitter,
      gamma: gamma - jitter,
    });
    const now = Date.now();
    longestPauseMs = Math.max(longestPauseMs, now - last);
    if (now - last > 200) pausesOver200Ms++;
    last = now;
    await new Promise((r) => setTimeout(r, o.stepMs ?? 40));
  }
  state = null;
  await reading;
  await cdp.detach().catch(() => undefined);
  return { longestPauseMs, pausesOver200Ms };
}

/** Plays the phone's part; a pelvis turns smoothly (here at most 25 degrees a second), as the phone on it does. */
export function playPhone(
  context: BrowserContext,
  page: Page,
  rollByLeg: { left: number; right: number },
  untilMs: number,
  phone?: { readonly context: BrowserContext; readonly page: Page },
): Promise<PhoneDrive> {
  return followPacingWithPhone(context, page, {
    targetRollDeg: (cue, leg) =>
      cue === 'hold' || cue.startsWith('reach:') ? (leg === 'left' ? -rollByLeg.left : rollByLeg.right) : 0,
    maxStepDeg: 1,
    untilMs,
    ...(phone ? { phone } : {}),
  });
}

export async function startPhoneTest(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Bird-dog test (phone on your back)' }).click();
  await page.getByTestId('pain-now-2').click();
  await page.getByRole('button', { name: 'Carry on' }).click();
  // Headless Chromium has no speech voices and its speechSynthesis stalls the page for seconds; muted,
  // the captions carry the pacing (as they do for anyone who mutes).
  await page.getByLabel('Mute voice and beeps (captions stay on)').check();
  await page.getByRole('button', { name: 'Start the test' }).click();
  await page.getByTestId('caption').waitFor();
}
