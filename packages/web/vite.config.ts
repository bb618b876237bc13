// Vite build of the browser app. The `sameOriginAssets` plugin puts the tfjs wasm binaries and the
// pose model files into the build (and serves them in dev), so nothing is ever fetched from a CDN.

import { readFileSync, createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { appAssets, THREADED_WASM_SCRIPT, WASM_URL_PREFIX } from './scripts/app-assets.ts';
import { mimeType } from './scripts/mime.ts';

function sameOriginAssets(): Plugin {
  return {
    name: 'steadyback-same-origin-assets',
    configureServer(server) {
      const byUrl = new Map(appAssets().map((a) => [`/${a.urlPath}`, a.sourcePath]));
      server.middlewares.use((req, res, next) => {
        const file = byUrl.get((req.url ?? '').split('?')[0] ?? '');
        if (!file || !existsSync(file)) return next();
        res.setHeader('Content-Type', mimeType(file));
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const asset of appAssets()) {
        this.emitFile({ type: 'asset', fileName: asset.urlPath, source: readFileSync(asset.sourcePath) });
      }
    },
  };
}

/**
 * tfjs hands its threaded wasm build to the worker threads as `factory.toString()`. After minifying,
 * that text names variables that live only in the main bundle, and every worker fails ("e is not
 * defined"), so the model never starts. In the build, point the workers at the unminified script the
 * app serves itself (`THREADED_WASM_SCRIPT`). Fails the build if a tfjs upgrade changes the code.
 */
function threadedWasmScriptUrl(): Plugin {
  const blob =
    /new Blob\(\[`var WasmBackendModuleThreadedSimd = ` \+\s*wasmFactoryThreadedSimd\.toString\(\)\], \{ type: 'text\/javascript' \}\)/;
  return {
    name: 'steadyback-threaded-wasm-script-url',
    apply: 'build',
    transform(code, id) {
      if (!/tfjs-backend-wasm[\\/]dist[\\/]backend_wasm\.js$/.test(id)) return null;
      if (!blob.test(code)) {
        this.error('tfjs-backend-wasm no longer builds its worker script as expected; update threadedWasmScriptUrl.');
      }
      const url = `new URL(${JSON.stringify(WASM_URL_PREFIX + THREADED_WASM_SCRIPT)}, self.location.href).href`;
      return { code: code.replace(blob, url), map: null };
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    react(),
    sameOriginAssets(),
    threadedWasmScriptUrl(),
    // Installable and offline after the first visit: a Workbox service worker precaches the app, the
    // wasm binaries and the live model (BlazePose detector + lite). It caches; it never sends anything.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'steadyback',
        short_name: 'steadyback',
        description:
          'An on-device movement coach for people whose back hurts more after they stretch. Video never leaves this device.',
        theme_color: '#0b6e4f',
        background_color: '#f7f6f2',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: [
          '**/*.{js,css,html,svg,webmanifest}',
          'tfjs/*.wasm',
          'models/blazepose-detector.*',
          'models/blazepose-lite.*',
        ],
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    alias: {
      // pose-detection's MediaPipe runtime loads from a CDN; we use its tfjs runtime only.
      '@mediapipe/pose': fileURLToPath(new URL('./src/shims/mediapipe-pose.ts', import.meta.url)),
    },
  },
  // The live pose model runs in a module worker (src/camera/pose-worker.ts), built with the same fix.
  worker: { format: 'es', plugins: () => [threadedWasmScriptUrl()] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // tfjs is large by nature; the warning would only be noise.
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  // Cross-origin isolated in dev too (as scripts/serve.ts), so the threaded wasm build runs here as well.
  server: {
    host: '127.0.0.1',
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  },
  preview: { host: '127.0.0.1' },
});
