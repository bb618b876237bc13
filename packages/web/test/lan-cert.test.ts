// The certificate the app makes for itself so a phone can open it over HTTPS: written once to the
// config folder with a private key only the user can read, reused while it fits, made again when
// it does not, and good enough for a TLS client that trusts it to reach 127.0.0.1.

import { X509Certificate } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfigDir, lanAddress, loadOrCreateCertificate } from '../scripts/lan-cert.ts';

let dir: string;
const keyPath = () => path.join(dir, 'tls', 'key.pem');
const certPath = () => path.join(dir, 'tls', 'cert.pem');
const savedEnv = { ...process.env };

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'steadyback-cert-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  for (const name of ['STEADYBACK_LAN_HOST', 'STEADYBACK_CONFIG_DIR', 'XDG_CONFIG_HOME']) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});

function get(url: string, ca: string | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, ca ? { ca } : {}, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the local network certificate', () => {
  it('makes an EC P-256 certificate for the host, 127.0.0.1 and localhost, with a key only the user can read', async () => {
    const made = await loadOrCreateCertificate(dir, '192.168.1.50');
    expect(made.created).toBe(true);
    expect(statSync(keyPath()).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyPath(), 'utf8')).toBe(made.key);
    expect(readFileSync(certPath(), 'utf8')).toBe(made.cert);
    const x509 = new X509Certificate(made.cert);
    expect(x509.subject).toBe('CN=steadyback on this computer');
    expect(x509.subjectAltName).toBe('IP Address:192.168.1.50, IP Address:127.0.0.1, DNS:localhost');
    expect(x509.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(x509.ca).toBe(false);
    const days = (Date.parse(x509.validTo) - Date.parse(x509.validFrom)) / 86_400_000;
    expect(Math.round(days)).toBe(365);
  });

  it('reuses the files it made: same bytes, not created', async () => {
    const key = readFileSync(keyPath(), 'utf8');
    const cert = readFileSync(certPath(), 'utf8');
    const again = await loadOrCreateCertificate(dir, '192.168.1.50');
    expect(again).toEqual({ key, cert, created: false });
    expect(readFileSync(certPath(), 'utf8')).toBe(cert);
  });

  it('makes a new one for another address, and names a host name as DNS', async () => {
    const before = readFileSync(certPath(), 'utf8');
    const other = await loadOrCreateCertificate(dir, '10.0.0.7');
    expect(other.created).toBe(true);
    expect(other.cert).not.toBe(before);
    expect(new X509Certificate(other.cert).subjectAltName).toContain('IP Address:10.0.0.7');
    const named = await loadOrCreateCertificate(dir, 'laptop.local');
    expect(named.created).toBe(true);
    expect(new X509Certificate(named.cert).subjectAltName).toBe(
      'DNS:laptop.local, IP Address:127.0.0.1, DNS:localhost',
    );
    expect((await loadOrCreateCertificate(dir, 'laptop.local')).created).toBe(false);
  });

  it('makes a new one when the certificate file is corrupt', async () => {
    await loadOrCreateCertificate(dir, '127.0.0.1');
    writeFileSync(certPath(), '-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n');
    const fixed = await loadOrCreateCertificate(dir, '127.0.0.1');
    expect(fixed.created).toBe(true);
    expect(readFileSync(certPath(), 'utf8')).toBe(fixed.cert);
    expect(new X509Certificate(fixed.cert).checkIP('127.0.0.1')).toBe('127.0.0.1');
  });

  it('makes a new one when the stored one expires within 7 days', async () => {
    const soon = await generate([{ name: 'commonName', value: 'old' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notAfterDate: new Date(Date.now() + 3 * 86_400_000),
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    writeFileSync(keyPath(), soon.private);
    chmodSync(keyPath(), 0o644);
    writeFileSync(certPath(), soon.cert);
    const renewed = await loadOrCreateCertificate(dir, '127.0.0.1');
    expect(renewed.created).toBe(true);
    expect(statSync(keyPath()).mode & 0o777).toBe(0o600);
    expect(Date.parse(new X509Certificate(renewed.cert).validTo)).toBeGreaterThan(Date.now() + 300 * 86_400_000);
  });

  it('lets an HTTPS server answer a client that trusts it on 127.0.0.1', async () => {
    const { key, cert } = await loadOrCreateCertificate(dir, '127.0.0.1');
    const server = createServer({ key, cert }, (_req, res) => res.end('hello over tls'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      expect(await get(`https://127.0.0.1:${port}/`, cert)).toEqual({ status: 200, body: 'hello over tls' });
      await expect(get(`https://127.0.0.1:${port}/`, undefined)).rejects.toThrow(/self[- ]signed/);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('where it lives and which address it names', () => {
  it('uses STEADYBACK_LAN_HOST when set, and no address when it is empty', () => {
    process.env['STEADYBACK_LAN_HOST'] = '192.168.7.9';
    expect(lanAddress()).toBe('192.168.7.9');
    process.env['STEADYBACK_LAN_HOST'] = '';
    expect(lanAddress()).toBeNull();
    delete process.env['STEADYBACK_LAN_HOST'];
    const found = lanAddress();
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && !a.internal && a.family === 'IPv4');
    expect(found).toBe(external?.address ?? null);
  });

  it('keeps its config in STEADYBACK_CONFIG_DIR, else under XDG_CONFIG_HOME, else ~/.config', () => {
    process.env['STEADYBACK_CONFIG_DIR'] = '/tmp/sb-config';
    expect(defaultConfigDir()).toBe('/tmp/sb-config');
    delete process.env['STEADYBACK_CONFIG_DIR'];
    process.env['XDG_CONFIG_HOME'] = '/tmp/xdg';
    expect(defaultConfigDir()).toBe(path.join('/tmp/xdg', 'steadyback'));
    delete process.env['XDG_CONFIG_HOME'];
    expect(defaultConfigDir()).toBe(path.join(os.homedir(), '.config', 'steadyback'));
  });
});
