// The two-device harness shared by the pairing end-to-end test and `npm run bench:pair`: a phone
// (its own Chromium, its clock set off by a known skew, HTTPS through a relay that can cut its
// link) and the laptop's walk to the pairing code and through pairing, as a person would click.

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startLinkCutter, type LinkCutter } from '../../scripts/link-cutter.ts';
import type { RunningServer } from '../../scripts/serve.ts';
import { CHROMIUM_PATH, passSafetyGate } from './app-harness.ts';

export interface Phone {
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** The relay in front of the app's HTTPS port: cut() drops the phone's link. */
  readonly link: LinkCutter;
  /** Every URL the phone asked for. */
  readonly urls: string[];
  /** The phone's origin (through the relay). */
  readonly origin: string;
  /** The laptop's phone address, sent through the relay instead. */
  viaLink(phoneUrl: string): string;
  close(): Promise<void>;
}

/** A phone whose performance.now() runs skewMs ahead of the real one. */
export async function openPhone(server: RunningServer, skewMs: number): Promise<Phone> {
  const lan = new URL(server.lanUrl!);
  const link = await startLinkCutter({ host: lan.hostname, port: Number(lan.port) });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 390, height: 800 },
    hasTouch: true,
  });
  await context.addInitScript(`{
    const base = performance.now.bind(performance);
    performance.now = () => base() + ${skewMs};
  }`);
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return {
    browser,
    context,
    link,
    urls,
    origin: `https://${lan.hostname}:${link.port}`,
    viaLink: (phoneUrl) => phoneUrl.replace(`//${lan.host}/`, `//${lan.hostname}:${link.port}/`),
    async close() {
      await context.close();
      await browser.close();
      await link.close();
    },
  };
}

/** The laptop, through the safety questions and the pain check, to the pairing code; returns the phone's address. */
export async function laptopToPairing(page: Page, appUrl: string): Promise<string> {
  await page.goto(appUrl);
  // The safety questions come once per browser: a second test in the same one starts at home.
  const home = page.getByRole('heading', { level: 1, name: 'Your back, steadier' });
  await Promise.race([
    home.waitFor(),
    page.getByRole('heading', { level: 1, name: 'A few safety questions first' }).waitFor(),
  ]);
  if (!(await home.isVisible())) await passSafetyGate(page);
  await page
    .getByRole('button', { name: 'Bird-dog test with the camera (a phone on your back if you have one)' })
    .click();
  await page.getByTestId('pain-now-2').click();
  await page.getByRole('button', { name: 'Carry on' }).click();
  const code = page.getByTestId('pair-code');
  await code.waitFor();
  return (await code.getAttribute('data-phone-url'))!;
}

/** The phone opens the address, allows motion and pairs; resolves once both screens say paired. */
export async function pairPhone(laptop: Page, phone: Phone, phoneUrl: string): Promise<Page> {
  const page = await phone.context.newPage();
  page.on('websocket', (ws) => phone.urls.push(ws.url()));
  await page.goto(phone.viaLink(phoneUrl));
  await page.getByRole('button', { name: 'Allow motion and pair' }).click();
  await page.locator('[data-testid="phone-pair-status"][data-state="paired"]').waitFor();
  await laptop.locator('[data-testid="pair-status"][data-connected="yes"]').waitFor();
  return page;
}
