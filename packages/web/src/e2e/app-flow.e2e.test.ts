// The whole app as a person uses it, in Debian's Chromium: the safety gate, the bird-dog test with
// the phone on the back (device orientation driven through Chromium's DevTools protocol, as a real
// phone's sensor would deliver it), a reload in the middle of a test, the hip flexor stretch with a
// fake camera playing the project's own rendered clip, and export/import. Every request of every
// flow is counted: none may leave 127.0.0.1.

import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { halfKneelLongHoldClip, halfKneelRockingClip } from '@steadyback/lab/fixtures';
import { simulateWeeks } from '@steadyback/synthetic';
import { eulerFromMatrix } from '@steadyback/core';
import { trueDeviceMatrix } from '@steadyback/synthetic';
import {
  buildAndServe,
  foreignRequests,
  launchWithFakeCamera,
  passSafetyGate,
  playPhone,
  startPhoneTest,
  type BuiltApp,
  type FakeCameraBrowser,
} from './app-harness.ts';

let app: BuiltApp;
let y4mPath: string;
let rockingY4m: string;

beforeAll(async () => {
  const [built, clip, rocking] = await Promise.all([buildAndServe(), halfKneelLongHoldClip(), halfKneelRockingClip()]);
  app = built;
  y4mPath = clip.y4m;
  rockingY4m = rocking.y4m;
});

afterAll(async () => {
  await app?.close();
});

/** Opens a fresh browser (fresh storage) and records every request it makes. */
async function openApp(
  camera = y4mPath,
): Promise<{ browser: FakeCameraBrowser; page: Page; urls: string[]; errors: string[] }> {
  const browser = await launchWithFakeCamera(camera);
  const urls: string[] = [];
  browser.context.on('request', (r) => urls.push(r.url()));
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(app.server.url);
  return { browser, page, urls, errors };
}

function expectNoForeignRequests(urls: readonly string[]): void {
  expect(urls.length).toBeGreaterThan(0);
  expect(foreignRequests(urls, new URL(app.server.url).origin)).toEqual([]);
}

/** Through the safety questions to the stretch, with 1/10 pain now. */
async function startStretch(page: Page): Promise<void> {
  await passSafetyGate(page);
  await page.getByRole('button', { name: 'Hip flexor stretch (camera or phone)' }).click();
  await page.getByTestId('pain-now-1').click();
  await page.getByRole('button', { name: 'Carry on' }).click();
}

/** After a hold: the intensity, no sharp pain, felt at the front of the hip. */
async function rateHold(page: Page, intensity: number): Promise<void> {
  await page.getByTestId(`intensity-${intensity}`).click();
  await page.locator('input[name="pain"]').nth(1).check();
  await page.locator('input[name="felt"]').first().check();
  await page.getByRole('button', { name: 'Save this hold' }).click();
}

describe('the steadyback app, end to end', () => {
  it('a red-flag answer blocks exercise, and the start screen keeps it locked', async () => {
    const { browser, page, urls, errors } = await openApp();
    try {
      await page.getByRole('heading', { level: 1, name: 'A few safety questions first' }).waitFor();
      await page.getByRole('button', { name: 'None of these apply to me' }).click();
      await page.getByTestId('q-saddle-numbness').getByLabel('Yes').check();
      await page.getByRole('button', { name: 'See what this means' }).click();
      const outcome = page.getByTestId('safety-outcome');
      await outcome.waitFor();
      expect(await outcome.getAttribute('data-tier')).toBe('emergency');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Please get medical help now');
      expect(await page.getByRole('button', { name: 'Continue' }).count()).toBe(0);
      // Going to the start screen (or straight to an exercise) does not open the exercises.
      await page.getByRole('button', { name: 'Back to start' }).click();
      await page.getByTestId('exercise-locked').waitFor();
      await page.goto(`${app.server.url}#/stretch`);
      await page.getByTestId('exercise-locked').waitFor();
      expect(await page.getByRole('button', { name: 'Hip flexor stretch (camera or phone)' }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Bird-dog test (phone on your back)' }).isDisabled()).toBe(true);
      // Nonsense answers: an unanswered form is refused with a sentence, nothing saved.
      await page.getByRole('button', { name: 'Answer the safety questions again' }).click();
      await page.getByRole('button', { name: 'See what this means' }).click();
      expect(await page.getByRole('alert').first().textContent()).toMatch(
        /Please answer every question: 15 are still open/,
      );
      expectNoForeignRequests(urls);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('the phone on the back measures a known pelvic roll per side, beeps past the band, and the result survives a reload', async () => {
    const { browser, page, urls, errors } = await openApp();
    try {
      await passSafetyGate(page);
      await startPhoneTest(page);
      const level = page.getByTestId('level');
      let beepsSeen = 0;
      let maxRollShown = 0;
      const watcher = (async () => {
        for (;;) {
          const v = await level
            .evaluate((el) => ({
              roll: Number(el.getAttribute('data-roll') || 'NaN'),
              beeps: Number(el.getAttribute('data-beeps')),
            }))
            .catch(() => null);
          if (!v) return;
          if (Number.isFinite(v.roll)) maxRollShown = Math.max(maxRollShown, Math.abs(v.roll));
          beepsSeen = Math.max(beepsSeen, v.beeps);
          await page.waitForTimeout(100);
        }
      })();
      // Left leg: the pelvis rolls 12 degrees (past the red band); right leg: 2 degrees (steady).
      await playPhone(browser.context, page, { left: 12, right: 2 }, 110_000);
      await watcher;
      const verdict = page.getByTestId('bird-dog-verdict');
      await verdict.waitFor({ timeout: 30_000 });
      expect(maxRollShown).toBeGreaterThan(10);
      expect(maxRollShown).toBeLessThan(14);
      expect(beepsSeen).toBeGreaterThanOrEqual(3);
      const left = page.getByTestId('side-left');
      const right = page.getByTestId('side-right');
      expect(await left.getAttribute('data-verdict')).toBe('positive');
      expect(await right.getAttribute('data-verdict')).toBe('negative');
      expect(Math.abs(Number(await left.getAttribute('data-max-roll')) - 12)).toBeLessThanOrEqual(1);
      expect(Number(await right.getAttribute('data-max-roll'))).toBeLessThan(3.5);
      expect(await page.getByText('Pelvic roll measured by the phone on your back.').count()).toBe(2);

      await page.reload();
      await verdict.waitFor();
      expect(await page.getByTestId('side-left').getAttribute('data-verdict')).toBe('positive');
      expectNoForeignRequests(urls);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('a reload in the middle of the phone test keeps the readings so far and shows what they measured', async () => {
    const { browser, page, urls, errors } = await openApp();
    try {
      await passSafetyGate(page);
      await startPhoneTest(page);
      // Settle 3 s, rock 4 s, then the first (left) rep takes 10.5 s: reload during the second rep.
      await playPhone(browser.context, page, { left: 9, right: 1 }, 22_000);
      await page.reload();
      const unfinished = page.getByTestId('unfinished-test');
      await unfinished.waitFor();
      await page.getByRole('button', { name: 'See what was measured' }).click();
      await page.getByTestId('bird-dog-verdict').waitFor();
      const left = page.getByTestId('side-left');
      expect(Math.abs(Number(await left.getAttribute('data-max-roll')) - 9)).toBeLessThanOrEqual(1);
      expectNoForeignRequests(urls);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('the stretch with the camera finds the set-up, counts good-form seconds, asks how it felt, and keeps the session after a reload', async () => {
    const { browser, page, urls, errors } = await openApp();
    try {
      await startStretch(page);
      await page.getByRole('button', { name: 'Turn on the camera and start' }).click();
      const timer = page.getByTestId('hold-timer');
      await expect
        .poll(async () => Number(await timer.getAttribute('data-good-ms')), { timeout: 120_000, interval: 500 })
        .toBeGreaterThan(3000);
      expect(await timer.getAttribute('data-side')).toBe('left');
      // The prescribed 20 s of good form completes the hold and the questions follow.
      await page.getByTestId('rate-hold').waitFor({ timeout: 120_000 });
      await page.getByRole('button', { name: 'Save this hold' }).click();
      expect(await page.getByRole('alert').first().textContent()).toMatch(/Please answer all three/);
      await rateHold(page, 4);
      const decision = page.getByTestId('guard-decision');
      await decision.waitFor();
      expect(await decision.getAttribute('data-action')).toBe('hold');
      await page.getByRole('button', { name: 'Finish for today' }).click();
      await page.getByTestId('peak-pain-2').click();
      await page.getByRole('button', { name: 'Save the session' }).click();
      await page.getByTestId('stretch-summary').waitFor();

      await page.goto(`${app.server.url}#/data`);
      await page.reload();
      const sessions = page.getByTestId('session-list');
      await sessions.waitFor();
      expect(await sessions.textContent()).toMatch(/1 holds, (19|[2-9]\d) s of good form/);
      expectNoForeignRequests(urls);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('the camera sees the rocking and says so, one cue on screen; pause keeps the timer still until resume', async () => {
    const { browser, page, urls, errors } = await openApp(rockingY4m);
    try {
      await startStretch(page);
      await page.getByLabel('Mute voice cues (captions stay on)').check();
      await page.getByRole('button', { name: 'Turn on the camera and start' }).click();
      const caption = page.getByTestId('caption');
      await expect
        .poll(() => caption.textContent(), { timeout: 120_000, interval: 250 })
        .toBe('Hold still; no bouncing.');
      await page.getByTestId('pause').click();
      await page.getByText('Paused. Your good-form seconds so far are kept').waitFor();
      const timer = page.getByTestId('hold-timer');
      const before = await timer.getAttribute('data-good-ms');
      await page.waitForTimeout(2000);
      expect(await timer.getAttribute('data-good-ms')).toBe(before);
      await page.getByTestId('pause').click();
      expect(await page.getByTestId('pause').textContent()).toBe('Pause');
      expectNoForeignRequests(urls);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('the stretch with the phone alone in the waistband counts good form, catches arching as pelvic tilt, and the guard eases off', async () => {
    const { browser, page, urls, errors } = await openApp();
    try {
      await startStretch(page);
      await page.getByLabel('Mute voice cues (captions stay on)').check();
      await page.getByRole('button', { name: 'Use the phone in my waistband' }).click();
      const timer = page.getByTestId('hold-timer');
      await timer.waitFor();
      const cdp = await browser.context.newCDPSession(page);
      // The phone upright in the waistband (screen away from the body); kneeling, the pelvis's long axis is
      // near vertical (pitch -85); arching tips it 13 degrees forward. Orientation from core's own maths.
      const send = async (pitchDeg: number, jitter: number) => {
        const e = eulerFromMatrix(trueDeviceMatrix({ rollDeg: 0, pitchDeg }, 40, 'waistband-backward', 5));
        const wrap = (v: number, lo: number, span: number) => ((((v - lo) % span) + span) % span) + lo;
        await cdp.send('DeviceOrientation.setDeviceOrientationOverride', {
          alpha: wrap(e.alphaDeg + jitter, 0, 360),
          beta: wrap(e.betaDeg + jitter, -180, 360),
          gamma: Math.max(-89.9, Math.min(89.9, e.gammaDeg - jitter)),
        });
      };
      const hold = async (pitchDeg: number, ms: number) => {
        const end = Date.now() + ms;
        let tick = 0;
        while (Date.now() < end) {
          await send(pitchDeg, (tick++ % 2 ? 1 : -1) * 0.15);
          await page.waitForTimeout(40);
        }
      };
      await hold(-85, 9000); // settle 3 s, then 6 s of steady hold
      const goodBefore = Number(await timer.getAttribute('data-good-ms'));
      expect(goodBefore).toBeGreaterThan(4000);
      // Arch: ramp over a second, hold it 4 s.
      for (let p = -85; p <= -72; p += 1) await hold(p, 80);
      await hold(-72, 4000);
      expect(await page.getByTestId('caption').textContent()).toMatch(/pelvis is tipping forward/);
      const goodArched = Number(await timer.getAttribute('data-good-ms'));
      expect(goodArched - goodBefore).toBeLessThan(3000);
      for (let p = -72; p >= -85; p -= 1) await hold(p, 80);
      // Steady again until the prescribed 20 s of good form are in.
      const until = Date.now() + 40_000;
      while (Date.now() < until && (await page.getByTestId('rate-hold').count()) === 0) await hold(-85, 500);
      await page.getByTestId('rate-hold').waitFor();
      await rateHold(page, 4);
      const decision = page.getByTestId('guard-decision');
      await decision.waitFor();
      // Arching seen by the phone: the guard asks to ease off, not to carry on as before.
      expect(await decision.getAttribute('data-action')).toBe('ease-off');
      expectNoForeignRequests(urls);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('exports everything as JSON and imports it back; a damaged file is refused with one sentence and nothing changes', async () => {
    const { browser, page, urls, errors } = await openApp();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'steadyback-export-'));
    try {
      await passSafetyGate(page);
      await page.getByRole('button', { name: 'I already stretch my back' }).click();
      await page.getByLabel('Lying knee-across-the-body twist').check();
      await page
        .getByRole('group', { name: 'Does your back hurt more after you stretch it?' })
        .getByLabel('Yes')
        .check();
      await page.getByRole('button', { name: 'What do you suggest?' }).click();
      expect(await page.getByTestId('swaps').textContent()).toMatch(
        /half-kneeling hip flexor stretch in place of the lying knee-across-the-body twist/,
      );

      await page.goto(`${app.server.url}#/data`);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export all data' }).click();
      const file = path.join(dir, 'export.json');
      await (await download).saveAs(file);
      const doc = JSON.parse(readFileSync(file, 'utf8')) as {
        format: string;
        screenings: unknown[];
        settings: { backStretches: string[] };
      };
      expect(doc.format).toBe('steadyback-export');
      expect(doc.screenings.length).toBe(1);
      expect(doc.settings.backStretches).toEqual(['supine-knee-across-twist']);

      const damaged = path.join(dir, 'damaged.json');
      writeFileSync(damaged, JSON.stringify({ ...doc, screenings: [{ id: 'x' }] }));
      await page.getByTestId('import-file').setInputFiles(damaged);
      const message = page.getByTestId('data-message');
      await expect.poll(() => message.textContent()).toMatch(/This export is damaged \(screenings\.0\.dateIso/);

      // A fresh browser (a new device): import the file before answering anything; the answers come back.
      const second = await openApp();
      try {
        await second.page.getByRole('heading', { level: 1, name: 'A few safety questions first' }).waitFor();
        await second.page.goto(`${app.server.url}#/data`);
        second.page.on('dialog', (d) => void d.accept());
        await second.page.getByTestId('import-file').setInputFiles(file);
        await expect.poll(() => second.page.getByTestId('data-message').textContent()).toMatch(/^Imported 0 tests/);
        await second.page.goto(`${app.server.url}#/why-hips`);
        expect(await second.page.getByLabel('Lying knee-across-the-body twist').isChecked()).toBe(true);
        await second.page.goto(`${app.server.url}#/`);
        await second.page.getByRole('heading', { level: 1, name: 'Your back, steadier' }).waitFor();
        expectNoForeignRequests(second.urls);
        expect(second.errors).toEqual([]);
      } finally {
        await second.browser.close();
      }
      expectNoForeignRequests(urls);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('after simulated weeks with three red days, the progress screen sends the person to a physical therapist, with charts, a changed plan and the reports', async () => {
    const sim = simulateWeeks({ scenario: 'red-three-times', weeks: 3, camera: false });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'steadyback-sim-'));
    const file = path.join(dir, 'simulated.json');
    writeFileSync(file, JSON.stringify(sim.data));
    const { browser, page, urls, errors } = await openApp();
    try {
      // The app reads today's date from the clock: put the page on the simulation's "today".
      await page.clock.setFixedTime(new Date(`${sim.todayIso}T10:00:00`));
      await page.goto(`${app.server.url}#/data`);
      page.on('dialog', (d) => void d.accept());
      await page.getByTestId('import-file').setInputFiles(file);
      await expect.poll(() => page.getByTestId('data-message').textContent()).toMatch(/^Imported \d+ tests/);
      await page.goto(`${app.server.url}#/progress`);
      const escalation = page.getByTestId('escalation');
      await escalation.waitFor();
      expect(await escalation.textContent()).toMatch(/physical therapist or doctor/);
      for (const id of ['pelvic-roll', 'pain', 'good-form', 'sessions-per-week']) {
        expect(Number(await page.getByTestId(`chart-${id}`).getAttribute('data-points'))).toBeGreaterThan(0);
      }
      expect(await page.getByTestId('plan-changes').textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download the PDF' }).click();
      const pdf = path.join(dir, 'report.pdf');
      await (await download).saveAs(pdf);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      // The escalation re-runs the safety questions.
      await page.getByRole('button', { name: 'Answer the safety questions again' }).click();
      await page.getByRole('heading', { level: 1, name: 'Some questions again, to be safe' }).waitFor();
      expectNoForeignRequests(urls);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
