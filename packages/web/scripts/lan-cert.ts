// The TLS certificate the app makes for itself, so a phone on the same Wi-Fi can open it over
// HTTPS (a phone's motion sensor only works on a secure page). It is self-signed, names this
// computer's local network address, and lives in the user's config folder (never in the
// repository); it is made again when it is missing, broken, for another address or about to expire.

import { X509Certificate, createPrivateKey } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

export const CERT_COMMON_NAME = 'steadyback on this computer';
const VALID_DAYS = 365;
const RENEW_BEFORE_MS = 7 * 24 * 60 * 60_000;

export interface LanCertificate {
  readonly key: string;
  readonly cert: string;
  /** True when this call made (and wrote) a new certificate. */
  readonly created: boolean;
}

/** STEADYBACK_CONFIG_DIR, else $XDG_CONFIG_HOME/steadyback, else ~/.config/steadyback. */
export function defaultConfigDir(): string {
  const own = process.env['STEADYBACK_CONFIG_DIR'];
  if (own) return path.resolve(own);
  const xdg = process.env['XDG_CONFIG_HOME'];
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'steadyback');
  return path.join(os.homedir(), '.config', 'steadyback');
}

/**
 * The address a phone on the same network can reach this computer at: STEADYBACK_LAN_HOST when
 * set (empty: none), else the first non-internal IPv4 address, else null.
 */
export function lanAddress(): string | null {
  const forced = process.env['STEADYBACK_LAN_HOST'];
  if (forced !== undefined) return forced.trim() === '' ? null : forced.trim();
  for (const addrs of Object.values(os.networkInterfaces())) {
    for (const a of addrs ?? []) {
      if (!a.internal && (a.family === 'IPv4' || (a.family as unknown) === 4)) return a.address;
    }
  }
  return null;
}

/** Whether the certificate's subjectAltName names host (as an IP address or a DNS name). */
function namesHost(x509: X509Certificate, host: string): boolean {
  if (isIP(host)) return x509.checkIP(host) !== undefined;
  const entries = (x509.subjectAltName ?? '').split(',').map((s) => s.trim().toLowerCase());
  return entries.includes(`dns:${host.toLowerCase()}`);
}

/** The stored key and certificate when they are readable, match each other, name host and are not about to expire. */
function readUsable(keyPath: string, certPath: string, host: string): { key: string; cert: string } | null {
  try {
    const key = readFileSync(keyPath, 'utf8');
    const cert = readFileSync(certPath, 'utf8');
    const x509 = new X509Certificate(cert);
    if (!x509.checkPrivateKey(createPrivateKey(key))) return null;
    if (!namesHost(x509, host)) return null;
    if (Date.parse(x509.validTo) - Date.now() < RENEW_BEFORE_MS) return null;
    return { key, cert };
  } catch {
    return null;
  }
}

async function makeCertificate(host: string): Promise<{ key: string; cert: string }> {
  const notBeforeDate = new Date();
  const notAfterDate = new Date(notBeforeDate.getTime() + VALID_DAYS * 24 * 60 * 60_000);
  const altNames: { type: 2 | 7; value?: string; ip?: string }[] = [
    isIP(host) ? { type: 7, ip: host } : { type: 2, value: host },
  ];
  if (host !== '127.0.0.1') altNames.push({ type: 7, ip: '127.0.0.1' });
  if (host.toLowerCase() !== 'localhost') altNames.push({ type: 2, value: 'localhost' });
  const pems = await generate([{ name: 'commonName', value: CERT_COMMON_NAME }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/** The certificate in <configDir>/tls (key.pem, mode 0600; cert.pem), made there when it cannot be reused for host. */
export async function loadOrCreateCertificate(configDir: string, host: string): Promise<LanCertificate> {
  const dir = path.join(configDir, 'tls');
  const keyPath = path.join(dir, 'key.pem');
  const certPath = path.join(dir, 'cert.pem');
  const usable = readUsable(keyPath, certPath, host);
  if (usable) return { ...usable, created: false };
  const made = await makeCertificate(host);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(keyPath, made.key, { mode: 0o600 });
  chmodSync(keyPath, 0o600); // writeFileSync keeps the mode of a file that was already there
  writeFileSync(certPath, made.cert, { mode: 0o644 });
  return { ...made, created: true };
}
