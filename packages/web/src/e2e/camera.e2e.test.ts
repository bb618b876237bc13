// The camera check in the real built app, in headless Chromium with a fake camera playing the
// project's own rendered bird-dog clip (side view). Asserts what a person sees: the status line
// finds them and the skeleton is drawn; and that every request stays on the app's own origin.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { birdDogSideClip } from '@steadyback/lab/fixtures';
import { buildAndServe, foreignRequests, launchWithFakeCamera, passSafetyGate, type BuiltApp } from './app-harness.ts';

/** BlazePose lite on wasm needs a few seconds to load and warm up on 2 cores; allow plenty. */
const FOUND_YOU_TIMEOUT_MS = 90_000;
const SCREENSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../.cache/web-e2e');

let app: BuiltApp;
let y4mPath: string;

beforeAll(async () => {
  const [built, clip] = await Promise.all([buildAndServe(), birdDogSideClip()]);
  app = built;
  y4mPath = clip.y4m;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await app?.close();
});

/**
 * Opens the app's home page, goes to the camera check with the buttons a person would use. `cores`:
 * the number of cores the page is told it has (the model runs in a worker from 4).
 */
async function openCameraCheck(page: Page, cores?: number): Promise<void> {
  if (cores !== undefined) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: cores });
  }
  await page.goto(app.server.url);
  await passSafetyGate(page);
  expect(await page.getByText('Your video never leaves this device').count()).toBe(1);
  await page.getByRole('button', { name: 'Camera check' }).click();
  await page.getByRole('heading', { level: 1, name: 'Camera check' }).waitFor();
  await page.getByRole('button', { name: 'Turn on the camera' }).click();
}

async function waitForFoundYou(page: Page): Promise<void> {
  await page.getByTestId('live-status').filter({ hasText: 'Found you' }).waitFor({ timeout: FOUND_YOU_TIMEOUT_MS });
}

// Minimal shapes of the DOM objects read inside page.evaluate: this file is type-checked as Node
// code (root tsconfig, no DOM lib), and the callbacks run in the page.
interface CanvasLike {
  readonly width: number;
  readonly height: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { readonly data: Uint8ClampedArray } } | null;
}
interface VideoLike {
  readonly videoWidth: number;
  readonly videoHeight: number;
  readonly paused: boolean;
}

/** Pixels of the skeleton canvas with any opacity (the canvas is transparent where nothing is drawn). */
function countDrawnPixels(page: Page): Promise<{ drawn: number; width: number; height: number }> {
  return page.getByTestId('skeleton').evaluate((el) => {
    const canvas = el as unknown as CanvasLike;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0 || canvas.height === 0)
      return { drawn: 0, width: canvas.width, height: canvas.height };
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) drawn++;
    return { drawn, width: canvas.width, height: canvas.height };
  });
}

describe('camera check in the browser (fake camera, bird-dog side clip)', () => {
  it('finds the person, says the whole body is in view, and draws the skeleton over the video', async () => {
    const browser = await launchWithFakeCamera(y4mPath);
    try {
      const page = await browser.context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      const wasmFiles: string[] = [];
      browser.context.on('request', (r) => {
        if (r.url().includes('/tfjs/') && !r.serviceWorker()) wasmFiles.push(new URL(r.url()).pathname);
      });
      // On 2 cores the model runs in the page itself, single-threaded: no pose worker, no threads.
      await openCameraCheck(page, 2);
      await waitForFoundYou(page);
      expect(page.workers().filter((w) => /pose-worker/.test(w.url()))).toEqual([]);
      expect(wasmFiles).toContain('/tfjs/tfjs-backend-wasm-simd.wasm');
      expect(wasmFiles.filter((f) => f.includes('threaded'))).toEqual([]);

      const status = page.getByTestId('live-status');
      expect(await status.getAttribute('role')).toBe('status');
      expect(await status.textContent()).toBe('Found you: whole body in view');

      // The canvas has the camera's size and some (not all) of it is drawn: a skeleton, not a fill.
      const pixels = await countDrawnPixels(page);
      expect(pixels.width).toBe(640);
      expect(pixels.height).toBe(480);
      expect(pixels.drawn).toBeGreaterThan(500);
      expect(pixels.drawn).toBeLessThan(pixels.width * pixels.height * 0.5);

      // The video is really playing the fake camera, at its own size.
      const video = await page.locator('video').evaluate((v) => {
        const el = v as unknown as VideoLike;
        return { w: el.videoWidth, h: el.videoHeight, paused: el.paused };
      });
      expect(video).toEqual({ w: 640, h: 480, paused: false });

      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'camera-found-you.png'), fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('makes no request to any host but its own 127.0.0.1 origin, and serves models and wasm itself', async () => {
    const browser = await launchWithFakeCamera(y4mPath);
    try {
      const origin = new URL(app.server.url).origin;
      const requests: Request[] = [];
      browser.context.on('request', (r) => requests.push(r));
      const page = await browser.context.newPage();
      const cspViolations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
      });
      await openCameraCheck(page, 8);
      await waitForFoundYou(page);
      // Cross-origin isolated, so the model can use its threaded wasm build; with 8 cores the model
      // runs in the pose worker, not on the page's thread.
      expect(
        await page.evaluate(() => (globalThis as unknown as { crossOriginIsolated: boolean }).crossOriginIsolated),
      ).toBe(true);
      const poseWorker = page.workers().find((w) => /pose-worker/.test(w.url()));
      expect(poseWorker?.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/assets\/pose-worker-/);
      expect(
        await poseWorker?.evaluate(
          () => (globalThis as unknown as { crossOriginIsolated: boolean }).crossOriginIsolated,
        ),
      ).toBe(true);
      await page.getByRole('button', { name: 'Stop camera' }).click();
      await page.getByRole('button', { name: 'Back to start' }).click();
      await page.getByRole('button', { name: 'Camera check' }).waitFor();
      const urls = requests.map((r) => r.url());
      const foreign = foreignRequests(urls, origin);
      expect(foreign).toEqual([]);
      expect(foreign.length).toBe(0);

      // The model and wasm files came from this origin, with the content types the loaders need.
      const served = new Map<string, string>();
      for (const r of requests) {
        const res = await r.response();
        if (res && res.status() === 200) served.set(new URL(r.url()).pathname, res.headers()['content-type'] ?? '');
      }
      for (const file of ['blazepose-detector', 'blazepose-lite']) {
        expect(served.get(`/models/${file}.json`)).toMatch(/^application\/json/);
        expect(served.get(`/models/${file}.bin`)).toBe('application/octet-stream');
      }
      const wasm = [...served.entries()].filter(([p]) => p.startsWith('/tfjs/') && p.endsWith('.wasm'));
      expect(wasm.length).toBeGreaterThanOrEqual(1);
      for (const [, type] of wasm) expect(type).toBe('application/wasm');
      // The model's own threads (not the service worker's precache) loaded the threaded build's script.
      const threadScripts = requests.filter(
        (r) => r.url().endsWith('/tfjs/tfjs-backend-wasm-threaded-simd.js') && !r.serviceWorker(),
      );
      expect(threadScripts.length).toBeGreaterThanOrEqual(1);
      expect(served.get('/tfjs/tfjs-backend-wasm-threaded-simd.js')).toMatch(/^text\/javascript/);

      // The document carries the same-origin-only policy, and the app ran within it.
      const doc = requests.find((r) => r.resourceType() === 'document');
      const csp = (await doc?.response())?.headers()['content-security-policy'] ?? '';
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("default-src 'self'");
      const headers = (await doc?.response())?.headers() ?? {};
      expect(headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
      expect(cspViolations).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('works offline after the first visit: the app, the wasm and the body model come from its own cache', async () => {
    const browser = await launchWithFakeCamera(y4mPath);
    try {
      const page = await browser.context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      await page.goto(app.server.url);
      // The service worker has installed and precached everything the live check needs.
      const cached = await page.evaluate(async () => {
        const nav = (globalThis as unknown as { navigator: { serviceWorker: { ready: Promise<unknown> } } }).navigator;
        await nav.serviceWorker.ready;
        const cachesApi = (
          globalThis as unknown as {
            caches: {
              keys(): Promise<string[]>;
              open(k: string): Promise<{ keys(): Promise<Array<{ url: string }>> }>;
            };
          }
        ).caches;
        const urls: string[] = [];
        for (const key of await cachesApi.keys())
          for (const req of await (await cachesApi.open(key)).keys()) urls.push(req.url);
        return urls;
      });
      expect(cached.some((u) => u.includes('/models/blazepose-lite.bin'))).toBe(true);
      expect(cached.some((u) => new URL(u).pathname.endsWith('.wasm'))).toBe(true);

      await browser.context.setOffline(true);
      await page.reload();
      await openCameraCheck(page);
      await waitForFoundYou(page);
      expect(await page.getByTestId('live-status').textContent()).toBe('Found you: whole body in view');
      expect(pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
