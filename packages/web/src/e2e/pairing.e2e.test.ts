// The two-device bird-dog in the real built app: a laptop (Chromium with a fake camera playing our
// rendered figure, who follows the app's pacing from the side) and a phone (another Chromium with
// its own clock 3.7 s off, its tilt driven through the DevTools protocol, its link to the app's
// HTTPS port going through a relay that cuts it mid-set). They pair with the code the laptop
// shows; the result has the phone's pelvic roll and the camera's leg height, and no request leaves
// this machine.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { birdDogPacedSideClip } from '@steadyback/lab/fixtures';
import {
  buildAndServe,
  foreignRequests,
  launchWithFakeCamera,
  followPacingWithPhone,
  type BuiltApp,
  type FakeCameraBrowser,
} from './app-harness.ts';
import { laptopToPairing, openPhone, pairPhone, type Phone } from './pair-harness.ts';

const PHONE_CLOCK_SKEW_MS = 3700;
const MODEL_READY_MS = 120_000;

let app: BuiltApp;
let laptop: FakeCameraBrowser;
let phone: Phone;
const laptopUrls: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  const [built, clip] = await Promise.all([buildAndServe({ lan: true }), birdDogPacedSideClip()]);
  app = built;
  laptop = await launchWithFakeCamera(clip.y4m, { width: 1000, height: 900 });
  laptop.context.on('request', (r) => laptopUrls.push(r.url()));
  phone = await openPhone(app.server, PHONE_CLOCK_SKEW_MS);
}, 600_000);

afterAll(async () => {
  await phone?.close();
  await laptop?.close();
  await app?.close();
});

function watchErrors(page: Page, who: string): void {
  page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
}

/** Camera on once the model is ready, so the pacing starts within moments of the fake camera's first frame. */
async function startTest(page: Page): Promise<void> {
  await page.getByLabel('Mute voice and beeps (captions stay on)').check();
  await page.getByText(/Getting ready/).waitFor({ state: 'detached', timeout: MODEL_READY_MS });
  await page.getByRole('button', { name: 'Turn on the camera' }).click();
  const start = page.getByRole('button', { name: 'Start the test' });
  await expect.poll(() => start.isEnabled(), { timeout: 30_000 }).toBe(true);
  await start.click();
  await page.getByTestId('caption').waitFor();
}

describe('the bird-dog with a laptop camera and a paired phone', () => {
  it('pairs by the code, survives a dropped link, and merges the phone and the camera into one result', async () => {
    const page = await laptop.context.newPage();
    watchErrors(page, 'laptop');
    page.on('websocket', (ws) => laptopUrls.push(ws.url()));
    const phoneUrl = await laptopToPairing(page, app.server.url);
    expect(phoneUrl).toMatch(new RegExp(`^${app.server.lanUrl}#/pair/[0-9]{6}$`));

    // The phone opens the QR code's address (through the relay that can cut its link).
    const phonePage = await pairPhone(page, phone, phoneUrl);
    watchErrors(phonePage, 'phone');

    // The code was used up: a second visit with it is refused.
    const again = await phone.context.newPage();
    await again.goto(phone.viaLink(phoneUrl));
    await again.getByRole('button', { name: 'Allow motion and pair' }).click();
    await again.locator('[data-testid="phone-pair-status"][data-state="refused"]').waitFor();
    await again.close();

    await startTest(page);
    await phonePage.locator('[data-testid="phone-pair-status"][data-measuring="yes"]').waitFor();
    // 25 s in (the second rep), the phone's link drops for 3 s, as a Wi-Fi blip would.
    let sawAway = false;
    const blip = (async () => {
      await page.waitForTimeout(25_000);
      phone.link.cut();
      sawAway = await page
        .locator('[data-testid="pair-status"][data-connected="no"]')
        .waitFor({ timeout: 2500 })
        .then(
          () => true,
          () => false,
        );
      await page.waitForTimeout(3000);
      phone.link.restore();
    })();
    // Left leg: the pelvis rolls 12 degrees; right leg: 2 degrees, in each hold (reached within a
    // second, at most 0.5 degrees per 40 ms step) and back to level on the return. The camera times
    // the reps from the figure's leg, which may run up to a second off the laptop's pacing (how soon
    // the test started after the fake camera did); inside the 5 s hold that does not matter.
    const drive = await followPacingWithPhone(laptop.context, page, {
      targetRollDeg: (cue, leg) => (cue === 'hold' ? (leg === 'left' ? -12 : 2) : 0),
      maxStepDeg: 0.5,
      untilMs: 110_000,
      phone: { context: phone.context, page: phonePage },
    });
    await blip;
    const verdict = page.getByTestId('bird-dog-verdict');
    await verdict.waitFor({ timeout: 60_000 });
    expect(sawAway).toBe(true);

    const rows = await page
      .getByTestId('rep-table')
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => ({
          roll: tr.getAttribute('data-roll') === '' ? null : Number(tr.getAttribute('data-roll')),
          rollSource: tr.getAttribute('data-roll-source'),
          legLine: tr.getAttribute('data-leg-line'),
        })),
      );
    // Kept in the test log: what each rep read, and how steadily the phone was driven.
    console.log('paired reps', JSON.stringify(rows), 'phone driver', JSON.stringify(drive));
    expect(rows).toHaveLength(6);
    // A rep whose phone readings pause for more than 250 ms is "not measured" (core's gap rule), as it
    // should be. The driver here can pause on a loaded machine (a real phone does not): only then may a
    // rep go unmeasured, and never the one where the link dropped, whose samples were held on the phone.
    const unmeasured = rows.filter((r) => r.roll === null).length;
    expect(unmeasured).toBeLessThanOrEqual(Math.min(1, drive.pausesOver200Ms));
    expect(rows[1]?.roll).not.toBeNull();
    for (const [i, r] of rows.entries()) {
      expect(r.rollSource).toBe('sensor');
      if (r.roll === null) continue;
      // Left-leg reps (even) roll 12 degrees, right-leg reps 2 (as in the phone-only test, within 3.5);
      // the second rep's hold is where the link dropped, and it is measured like the others. Alone on
      // this machine every rep read within 0.1 degree; beside other browser tests one read 1.7 off.
      if (i % 2 === 0) expect(Math.abs(Math.abs(r.roll) - 12)).toBeLessThan(2);
      else expect(Math.abs(r.roll)).toBeLessThan(3.5);
    }
    expect(Math.abs(Number(await page.getByTestId('side-left').getAttribute('data-max-roll')) - 12)).toBeLessThan(1.5);
    // The camera measured the leg line on the reps it saw from the side: the figure holds its leg 5 degrees up.
    const legLines = rows.filter((r) => r.legLine !== '' && r.legLine !== null).map((r) => Number(r.legLine));
    expect(legLines.length).toBeGreaterThanOrEqual(4);
    for (const v of legLines) expect(Math.abs(v - 5)).toBeLessThan(3);
    expect(await page.getByTestId('side-left').getAttribute('data-verdict')).toBe('positive');
    expect(await page.getByTestId('side-right').getAttribute('data-verdict')).toBe('negative');

    expect(laptopUrls.filter((u) => u.startsWith('ws:')).length).toBeGreaterThan(0);
    expect(foreignRequests(laptopUrls, new URL(app.server.url).origin)).toEqual([]);
    expect(foreignRequests(phone.urls, phone.origin)).toEqual([]);
    expect(errors).toEqual([]);
  }, 400_000);

  it('with the laptop alone gives the camera part and says pelvic roll needs the phone', async () => {
    const page = await laptop.context.newPage();
    watchErrors(page, 'laptop');
    await laptopToPairing(page, app.server.url);
    await page.getByLabel('No phone: use the camera alone').check();
    await startTest(page);
    await page.getByTestId('caption').waitFor({ state: 'detached', timeout: 120_000 });
    await page.getByTestId('bird-dog-verdict').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('bird-dog-verdict').getAttribute('data-verdict')).toBe('not-measurable');
    const table = page.getByTestId('rep-table');
    expect(await table.locator('tbody tr').count()).toBe(6);
    expect(await table.getByText('needs the phone on your lower back').count()).toBe(6);
    expect(await page.getByText('Pelvic roll needs the phone on your lower back').count()).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
  }, 300_000);
});
