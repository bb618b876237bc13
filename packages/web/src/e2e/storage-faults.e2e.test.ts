// Storage that fails under the app, in Debian's Chromium: the tab killed in the middle of the phone
// test (its renderer crashed through the DevTools protocol), and the browser's storage quota used up
// mid-test (set through the protocol, as a nearly full phone would). The completed rep is kept and
// measured when the app is opened again, and a full store is said on screen, with up to when the
// readings are kept.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { halfKneelLongHoldClip } from '@steadyback/lab/fixtures';
import {
  buildAndServe,
  launchWithFakeCamera,
  passSafetyGate,
  playPhone,
  startPhoneTest,
  type BuiltApp,
} from './app-harness.ts';

let app: BuiltApp;
let y4m: string;

beforeAll(async () => {
  const [built, clip] = await Promise.all([buildAndServe(), halfKneelLongHoldClip()]);
  app = built;
  y4m = clip.y4m;
});
afterAll(async () => {
  await app?.close();
});

/** Sets (or, with no size, resets) the storage quota of the app's origin. */
async function quota(cdp: CDPSession, quotaSize?: number): Promise<void> {
  const origin = new URL(app.server.url).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', quotaSize === undefined ? { origin } : { origin, quotaSize });
}

/** How many readings the saved draft of the test holds, read from the app's own database. */
function draftSamples(page: Page): Promise<number> {
  // Runs in the page (a string, as this file is compiled without the DOM's types).
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('steadyback');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('sensorDrafts').objectStore('sensorDrafts').getAll();
      all.onsuccess = () => resolve(((all.result[0] && all.result[0].samples) || []).length / 5);
      all.onerror = () => reject(all.error);
    };
  })`);
}

/** Opens the app in a fresh browser; `quotaBytes` first sets the origin's storage quota. */
async function openApp(quotaBytes?: number) {
  const browser = await launchWithFakeCamera(y4m);
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Chromium takes the quota into account from the origin's first write, so it is set before the app loads.
  if (quotaBytes !== undefined) await quota(await browser.context.newCDPSession(page), quotaBytes);
  await page.goto(app.server.url);
  await passSafetyGate(page);
  await startPhoneTest(page);
  return { browser, page, errors };
}

/** The seconds in "Everything up to 0:09 is kept". */
const keptUntilS = (text: string) => {
  const m = /Everything up to (\d+):(\d\d) is kept/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

describe('the app when storage fails', () => {
  it('a tab killed in the middle of the phone test keeps the completed rep, measured when the app is opened again', async () => {
    const { browser, page, errors } = await openApp();
    try {
      // Settle 3 s, rock 4 s, then the first (left) rep takes 10.5 s: it is over by 18 s. The tab
      // dies at 21 s, in the second rep, while the readings are being saved every second.
      await playPhone(browser.context, page, { left: 9, right: 1 }, 21_000);
      const saved = await draftSamples(page);
      expect(saved).toBeGreaterThan(18 * 40);
      // Killed as the system kills a tab: the renderer crashes (the protocol call itself never returns).
      const crashed = page.waitForEvent('crash');
      void (await browser.context.newCDPSession(page)).send('Page.crash').catch(() => undefined);
      await crashed;
      expect(errors).toEqual([]);

      const again = await browser.context.newPage();
      await again.goto(app.server.url);
      await again.getByTestId('unfinished-test').waitFor();
      expect(await draftSamples(again)).toBeGreaterThanOrEqual(saved);
      await again.getByRole('button', { name: 'See what was measured' }).click();
      await again.getByTestId('bird-dog-verdict').waitFor();
      const left = again.getByTestId('side-left');
      expect(Math.abs(Number(await left.getAttribute('data-max-roll')) - 9)).toBeLessThanOrEqual(1);
    } finally {
      await browser.close();
    }
  });

  it('with the storage quota used up mid-test it says so and up to when the readings are kept, and keeps exactly those', async () => {
    // 150 kB: the readings saved every second outgrow it within the first 15 s.
    const { browser, page, errors } = await openApp(150_000);
    try {
      const notice = page.getByTestId('storage-full');
      const playing = playPhone(browser.context, page, { left: 9, right: 1 }, 20_000);
      await notice.waitFor({ timeout: 20_000 });
      const text = (await notice.textContent()) ?? '';
      expect(text).toMatch(
        /^Your browser's storage is full, so the readings from now on cannot be saved\. Everything up to \d:\d\d is kept; you can carry on, and we try again at the end\.$/,
      );
      await playing;
      // The test went on: the phone's level is still live, and what is stored is what was promised.
      expect(await page.getByTestId('caption').getAttribute('data-cue')).not.toBe('');
      const until = keptUntilS(text)!;
      const saved = await draftSamples(page);
      expect(saved).toBeGreaterThan(0);
      expect(Math.abs(saved / 50 - until)).toBeLessThanOrEqual(1.5);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
