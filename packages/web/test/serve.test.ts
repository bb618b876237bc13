// The static server that `npm start` runs: content types the wasm backend and model loader need,
// the same-origin-only policy on every response, and no way out of the build folder.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../scripts/serve.ts';

let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'steadyback-serve-'));
  mkdirSync(path.join(dir, 'models'));
  mkdirSync(path.join(dir, 'tfjs'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(dir, 'models', 'm.json'), '{}');
  writeFileSync(path.join(dir, 'models', 'm.bin'), Buffer.from([1, 2, 3]));
  writeFileSync(path.join(dir, 'tfjs', 'x.wasm'), Buffer.from([0, 97, 115, 109]));
  writeFileSync(path.join(os.tmpdir(), 'steadyback-secret.txt'), 'secret');
  server = await startServer({ distDir: dir, port: 0, lan: false });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(path.join(os.tmpdir(), 'steadyback-secret.txt'), { force: true });
});

/** A raw GET, so the path is sent exactly as written (no client-side normalisation of ../). */
function get(
  rawPath: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: rawPath, method }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server for the built app', () => {
  it('listens on 127.0.0.1 only and serves index.html at /', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('serves .wasm as application/wasm and model weights as bytes', async () => {
    expect((await get('/tfjs/x.wasm')).headers['content-type']).toBe('application/wasm');
    expect((await get('/models/m.bin')).headers['content-type']).toBe('application/octet-stream');
    expect((await get('/models/m.json')).headers['content-type']).toMatch(/^application\/json/);
  });

  it('sends a same-origin-only Content-Security-Policy on every response, errors included', async () => {
    for (const p of ['/', '/models/m.bin', '/nope']) {
      const csp = String((await get(p)).headers['content-security-policy']);
      const directives = csp.split('; ');
      expect(directives).toContain("default-src 'self'");
      // Only connections may go further, to a clinic the person confirms sharing with (https, or
      // plain http on this machine); scripts, styles, images, media, workers and fonts stay on this origin.
      expect(directives).toContain("connect-src 'self' https: http://127.0.0.1:* http://localhost:*");
      for (const d of directives.filter((x) => !x.startsWith('connect-src'))) expect(d).not.toMatch(/https?:|\*/);
    }
  });

  it('never serves a file outside the build folder', async () => {
    for (const p of [
      '/../steadyback-secret.txt',
      '/%2e%2e/steadyback-secret.txt',
      '/models/..%2f..%2fsteadyback-secret.txt',
    ]) {
      const res = await get(p);
      expect(res.status === 403 || res.status === 404).toBe(true);
      expect(res.body).not.toContain('secret');
    }
  });

  it('answers 404 for missing files and 405 for writes', async () => {
    expect((await get('/models/missing.bin')).status).toBe(404);
    const post = await get('/', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers['allow']).toBe('GET, HEAD');
  });

  it('answers 400 for a path that is not valid percent-encoding', async () => {
    const res = await get('/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.body).toBe('Bad request\n');
  });

  it('answers HEAD with the headers and no body, and a folder as not found', async () => {
    const head = await get('/models/m.bin', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('3');
    expect(head.body).toBe('');
    expect((await get('/models')).status).toBe(404);
  });

  it('says how to build when there is no built app', async () => {
    await expect(startServer({ distDir: path.join(dir, 'models'), port: 0, lan: false })).rejects.toThrow(/npm start/);
  });
});
