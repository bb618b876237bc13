// Vite build of the browser app. The `sameOriginAssets` plugin puts the tfjs wasm binaries and the
// pose model files into the build (and serves them in dev), so nothing is ever fetched from a CDN.

import { readFileSync, createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { appAssets } from './scripts/app-assets.ts';
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

export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    react(),
    sameOriginAssets(),
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
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // tfjs is large by nature; the warning would only be noise.
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
