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
  const viteBin = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: WEB_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code}):\n${output}`))));
  });
}

export interface BuiltApp {
  readonly server: RunningServer;
  readonly distDir: string;
  close(): Promise<void>;
}

export async function buildAndServe(): Promise<BuiltApp> {
  const distDir = mkdtempSync(path.join(os.tmpdir(), 'steadyback-web-e2e-'));
  try {
    await buildApp(distDir);
    const server = await startServer({ distDir, port: 0 });
    return {
      server,
      distDir,
      async close() {
        await server.close();
        rmSync(distDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(distDir, { recursive: true, force: true });
    throw err;
  }
}

export interface FakeCameraBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile and a fake camera fed from `y4mPath` (DESIGN.md section 3 flags). */
export async function launchWithFakeCamera(y4mPath: string, viewport = { width: 420, height: 900 }): Promise<FakeCameraBrowser> {
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
    return url.hostname !== '127.0.0.1' || url.origin !== origin;
  });
}
