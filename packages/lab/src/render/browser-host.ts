// Owns the two processes behind a render: a tiny HTTP server on 127.0.0.1 (ephemeral port) that
// serves three.js from node_modules, the figure .glb files from ../shared (or, without them, the
// dev-only mannequin-js fallback from @steadyback/lab-mannequin) and the page module, and one
// headless Debian Chromium with software WebGL (SwiftShader). Nothing leaves the machine.

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The repository root (packages/lab/src/render -> ../../../..). */
export const REPO_ROOT = path.resolve(HERE, '..', '..', '..', '..');
const PAGE_DIR = path.join(HERE, 'page');

export const CHROMIUM_PATH = process.env.STEADYBACK_CHROMIUM ?? '/usr/bin/chromium';

/** Where the shared CC0 figures would be (they may be missing on a fresh machine). */
export function figuresPath(): string {
  return process.env.STEADYBACK_FIGURES_DIR ?? path.resolve(REPO_ROOT, '..', 'shared', 'data', 'figures');
}

/** True when the CC0 figures are there; otherwise the renderer falls back to the mannequin. */
export function cc0FiguresAvailable(): boolean {
  return existsSync(figuresPath());
}

/**
 * The fallback figure's files: the GPL-3.0 mannequin-js package and its adapter, both in the
 * private dev-only workspace package @steadyback/lab-mannequin (resolved at run time, never a
 * dependency of this package, so nothing that ships links it).
 */
export function mannequinDirs(): { page: string; mannequin: string } {
  const req = createRequire(import.meta.url);
  let pkg: string;
  try {
    pkg = path.dirname(req.resolve('@steadyback/lab-mannequin/package.json'));
  } catch {
    throw new Error(
      'The CC0 figures are missing and the fallback figure is not installed: run npm install in the repository (it installs the dev-only workspace package packages/lab-mannequin), or put the figures at ../shared/data/figures.',
    );
  }
  const mannequin = path.dirname(createRequire(path.join(pkg, 'package.json')).resolve('mannequin-js/package.json'));
  return { page: path.join(pkg, 'src', 'page'), mannequin };
}

/** Where the shared CC0 figures live: beside the repository, never inside it. */
export function figuresDir(): string {
  const dir = process.env.STEADYBACK_FIGURES_DIR ?? path.resolve(REPO_ROOT, '..', 'shared', 'data', 'figures');
  if (!existsSync(dir)) {
    throw new Error(
      `Rigged figures not found at ${dir}: put the shared figures beside the repository at ../shared/data/figures ` +
        '(women_Casual.glb, men_Casual.glb, men_Suit.glb, women_Worker.glb; see DESIGN.md section 3a), ' +
        'or set STEADYBACK_FIGURES_DIR. Do not copy them into the repository.',
    );
  }
  return dir;
}

function threeDir(): string {
  // import.meta.resolve('three') -> .../three/build/three.module.js
  return path.resolve(fileURLToPath(import.meta.resolve('three')), '..', '..');
}

const INDEX_HTML = `<!doctype html><html><head><meta charset="utf-8">
<script type="importmap">{"imports":{"three":"/three/build/three.module.js","three/addons/":"/three/examples/jsm/","mannequin/":"/mannequin/src/"}}</script>
</head><body style="margin:0;background:#000"></body></html>`;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.glb': 'model/gltf-binary',
  '.html': 'text/html',
};

interface Roots {
  readonly three: string;
  readonly figures: string | null;
  readonly mannequin: { page: string; mannequin: string } | null;
}

/** Resolves a request path to a file inside one of the served roots, or null. */
function resolveFile(urlPath: string, roots: Roots): string | null {
  const safe = (root: string, rel: string): string | null => {
    const f = path.resolve(root, rel);
    return f.startsWith(root + path.sep) && existsSync(f) && statSync(f).isFile() ? f : null;
  };
  if (urlPath.startsWith('/three/')) return safe(roots.three, urlPath.slice('/three/'.length));
  if (urlPath.startsWith('/figures/') && roots.figures) return safe(roots.figures, path.basename(urlPath));
  if (urlPath.startsWith('/lab/')) return safe(PAGE_DIR, urlPath.slice('/lab/'.length));
  if (urlPath.startsWith('/lab-mannequin/') && roots.mannequin)
    return safe(roots.mannequin.page, urlPath.slice('/lab-mannequin/'.length));
  if (urlPath.startsWith('/mannequin/') && roots.mannequin)
    return safe(roots.mannequin.mannequin, urlPath.slice('/mannequin/'.length));
  return null;
}

export interface BrowserHost {
  readonly page: Page;
  readonly origin: string;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

/** Serves the page, three.js and the figures on a free loopback port. */
async function startFileServer(roots: Roots): Promise<{ server: Server; origin: string }> {
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (urlPath === '/' || urlPath === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(INDEX_HTML);
      return;
    }
    const file = resolveFile(urlPath, roots);
    if (!file) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Opens the page in a fresh headless Chromium and checks that it has WebGL2. */
async function openRenderPage(browser: Browser, origin: string, widthPx: number, heightPx: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: widthPx, height: heightPx } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${origin}/`);
  const hasGl = await page.evaluate("!!document.createElement('canvas').getContext('webgl2')");
  if (!hasGl) throw new Error(`Chromium at ${CHROMIUM_PATH} gave no WebGL2 context (SwiftShader flags not honoured?)`);
  return page;
}

export async function startBrowserHost(
  widthPx: number,
  heightPx: number,
  figureKind: 'gltf' | 'mannequin' = 'gltf',
): Promise<BrowserHost> {
  const roots: Roots =
    figureKind === 'gltf'
      ? { three: threeDir(), figures: figuresDir(), mannequin: null }
      : { three: threeDir(), figures: null, mannequin: mannequinDirs() };
  const { server, origin } = await startFileServer(roots);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await openRenderPage(browser, origin, widthPx, heightPx);
    const b = browser;
    return {
      page,
      origin,
      async close() {
        await b.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  } catch (e) {
    await browser?.close();
    server.close();
    throw e;
  }
}
