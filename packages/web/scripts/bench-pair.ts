// npm run bench:pair: two devices on this machine, measured in one run. A laptop (Chromium) and a
// phone (another Chromium whose clock runs a known 3700 ms ahead) pair through the app's own
// server; the phone's tilt is driven through the DevTools protocol at 50 Hz for 20 s, and its
// link (through a relay) is cut for 3 s in the middle. Measured:
//  - phoneToScreenMs: from a sample's time on the phone (put on the laptop's clock with the true
//    skew) to the laptop's page showing it (a MutationObserver on the phone reading);
//  - clockOffsetErrorMs: the app's estimate of the phone's clock against the truth;
//  - samplesLost: samples the phone took that never reached the laptop, across the cut;
//  - foreignRequests: requests from either browser to anything but the app's own addresses.
// Prints a table; never asserts. Usage: npm run bench:pair [-- --json FILE]

import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH, buildAndServe, foreignRequests } from '../src/e2e/app-harness.ts';
import { laptopToPairing, openPhone, pairPhone } from '../src/e2e/pair-harness.ts';

const SKEW_MS = 3700;
const DRIVE_MS = 20_000;
const CUT_AT_MS = 8000;
const CUT_FOR_MS = 3000;

interface Shown {
  readonly seq: number;
  readonly tPhone: number;
  readonly shownMs: number;
}

const quantile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};

/** Records when (laptop clock) each new phone sample appears on the laptop's page. */
async function watchReadings(page: Page): Promise<void> {
  await page.getByTestId('phone-reading').evaluate((el) => {
    const w = globalThis as unknown as { __shown: Shown[] };
    w.__shown = [];
    const MO = (
      globalThis as unknown as {
        MutationObserver: new (cb: () => void) => { observe(target: unknown, options: object): void };
      }
    ).MutationObserver;
    new MO(() => {
      const seq = Number(el.getAttribute('data-sample-seq'));
      const tPhone = Number(el.getAttribute('data-sample-t'));
      if (Number.isFinite(seq)) w.__shown.push({ seq, tPhone, shownMs: performance.now() });
    }).observe(el, { attributes: true, attributeFilter: ['data-sample-seq'] });
  });
}

async function drivePhone(phonePage: Page, ms: number, cut: (on: boolean) => void): Promise<void> {
  const cdp = await phonePage.context().newCDPSession(phonePage);
  const start = Date.now();
  let k = 0;
  let state: 'before' | 'cut' | 'after' = 'before';
  while (Date.now() - start < ms) {
    const t = Date.now() - start;
    if (state === 'before' && t >= CUT_AT_MS) ((state = 'cut'), cut(true));
    if (state === 'cut' && t >= CUT_AT_MS + CUT_FOR_MS) ((state = 'after'), cut(false));
    // A new reading each step (Chromium fires only on a change of more than 0.1 degree).
    await cdp.send('DeviceOrientation.setDeviceOrientationOverride', {
      alpha: 30,
      beta: 2 * Math.sin(k / 10),
      gamma: (k++ % 2 === 0 ? 1 : -1) * 0.5 + 3 * Math.sin(k / 25),
    });
    await phonePage.waitForTimeout(20);
  }
  await cdp.detach();
}

async function counts(laptop: Page, phone: Page) {
  const received = Number(await laptop.getByTestId('phone-reading').getAttribute('data-received'));
  const c = phone.getByTestId('phone-counts');
  return {
    received,
    taken: Number(await c.getAttribute('data-taken')),
    waiting: Number(await c.getAttribute('data-waiting')),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'string' } } });
  console.log('Building the app and opening two browsers…');
  const app = await buildAndServe({ lan: true });
  const laptopBrowser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const phone = await openPhone(app.server, SKEW_MS);
  try {
    const laptopContext = await laptopBrowser.newContext();
    const laptopUrls: string[] = [];
    laptopContext.on('request', (r) => laptopUrls.push(r.url()));
    const laptop = await laptopContext.newPage();
    laptop.on('websocket', (ws) => laptopUrls.push(ws.url()));
    const phoneUrl = await laptopToPairing(laptop, app.server.url);
    const phonePage = await pairPhone(laptop, phone, phoneUrl);
    console.log(`Paired. Driving the phone's tilt for ${DRIVE_MS / 1000} s, link cut for ${CUT_FOR_MS / 1000} s…`);
    await watchReadings(laptop);
    await drivePhone(phonePage, DRIVE_MS, (on) => (on ? phone.link.cut() : phone.link.restore()));
    // The phone stops taking readings a second after the last one; then wait for every confirmation.
    await laptop.waitForTimeout(1500);
    let c = await counts(laptop, phonePage);
    for (let i = 0; i < 40 && (c.waiting > 0 || c.received < c.taken); i++) {
      await laptop.waitForTimeout(250);
      c = await counts(laptop, phonePage);
    }
    // performance.now() counts from each page's own time origin (the phone's also runs SKEW_MS ahead),
    // so at one instant the phone reads the laptop's reading + laptop origin - phone origin + skew.
    const truthOffset =
      (await laptop.evaluate(() => performance.timeOrigin)) -
      (await phonePage.evaluate(() => performance.timeOrigin)) +
      SKEW_MS;
    const estimate = Number(await laptop.getByTestId('phone-reading').getAttribute('data-clock-offset'));
    const shown = await laptop.evaluate(() => (globalThis as unknown as { __shown: Shown[] }).__shown);
    // Samples sent late (kept on the phone through the cut) would measure the cut, not the link.
    const cutStart = shown.length ? shown[0]!.shownMs + CUT_AT_MS - 500 : 0;
    const live = shown.filter((s) => s.shownMs < cutStart || s.shownMs > cutStart + CUT_FOR_MS + 2500);
    const lat = live.map((s) => s.shownMs - (s.tPhone - truthOffset)).filter((x) => x > -50 && x < 5000);
    const result = {
      phoneToScreenMs: { median: round(quantile(lat, 0.5)), p90: round(quantile(lat, 0.9)) },
      clockOffsetErrorMs: round(Math.abs(estimate - truthOffset)),
      samplesLost: c.taken - c.received,
      foreignRequests:
        foreignRequests(laptopUrls, new URL(app.server.url).origin).length +
        foreignRequests(phone.urls, phone.origin).length,
    };
    printTable(result, {
      samples: c.taken,
      latencySamples: lat.length,
      truthOffset,
      estimate,
      dropped: phone.link.dropped,
    });
    if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await phone.close();
    await laptopBrowser.close();
    await app.close();
  }
}

const round = (x: number) => Math.round(x * 10) / 10;

function printTable(
  r: {
    phoneToScreenMs: { median: number; p90: number };
    clockOffsetErrorMs: number;
    samplesLost: number;
    foreignRequests: number;
  },
  n: { samples: number; latencySamples: number; truthOffset: number; estimate: number; dropped: number },
): void {
  const rows: Array<[string, string, string]> = [
    ['phone sample to laptop screen, median', `${r.phoneToScreenMs.median} ms`, ''],
    ['phone sample to laptop screen, p90', `${r.phoneToScreenMs.p90} ms`, '<= 100 ms'],
    ['shared clock error', `${r.clockOffsetErrorMs} ms`, '<= 20 ms'],
    ['samples lost across the cut', `${r.samplesLost} of ${n.samples}`, '0'],
    ['requests off this machine', String(r.foreignRequests), '0'],
  ];
  console.log('\n| measure | this run | target |\n|---|---|---|');
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
  console.log(
    `\n${n.latencySamples} samples timed outside the cut; true phone clock offset ${n.truthOffset.toFixed(1)} ms, estimated ${n.estimate.toFixed(1)} ms; ${n.dropped} connection(s) dropped by the cut.`,
  );
}

await main();
