// Vite build of the browser app. The `sameOriginAssets` plugin puts the tfjs wasm binaries and the
// pose model files into the build (and serves them in dev), so nothing is ever fetched from a CDN.

import { readFileSync, createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
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
  plugins: [react(), sameOriginAssets()],
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
