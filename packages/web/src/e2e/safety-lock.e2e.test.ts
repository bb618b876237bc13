// The exercise lock as a person meets it, in Debian's Chromium, on both sides of each rule in
// core's safety gate (rule set A): an urgent red flag locks every exercise until the questions
// are answered again; pain right now of 8 or more is a rest day; 6-7 allows the easier stretch but
// not the bird-dog test; 5 or less allows both. The start screen, the routes and the pain gate all
// ask core, so breaking the rule there breaks these tests.

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildAndServe, launchWithFakeCamera, passSafetyGate, type BuiltApp } from './app-harness.ts';

let app: BuiltApp;
let blankCamera: string;

beforeAll(async () => {
  app = await buildAndServe();
  // The camera is never opened here; Chromium still wants a clip for its fake camera: one grey frame.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'steadyback-lock-'));
  blankCamera = path.join(dir, 'grey.y4m');
  const w = 16,
    h = 16;
  const header = Buffer.from(`YUV4MPEG2 W${w} H${h} F1:1 Ip A1:1 C420jpeg\nFRAME\n`);
  writeFileSync(blankCamera, Buffer.concat([header, Buffer.alloc((w * h * 3) / 2, 128)]));
});

afterAll(async () => {
  await app?.close();
});

async function withApp(run: (page: Page) => Promise<void>): Promise<void> {
  const browser = await launchWithFakeCamera(blankCamera);
  try {
    const page = await browser.context.newPage();
    await page.goto(app.server.url);
    await run(page);
  } finally {
    await browser.close();
  }
}

/** Opens an exercise from the start screen and answers the pain-now gate; returns the gate's verdict. */
async function painGate(
  page: Page,
  exercise: 'Bird-dog test (phone on your back)' | 'Hip flexor stretch (camera or phone)',
  nrs: number,
): Promise<{ band: string | null; carryOn: number }> {
  await page.getByRole('button', { name: exercise }).click();
  await page.getByTestId(`pain-now-${nrs}`).click();
  const result = page.getByTestId('pain-now-result');
  await result.waitFor();
  return {
    band: await result.getAttribute('data-band'),
    carryOn: await page.getByRole('button', { name: 'Carry on' }).count(),
  };
}

async function backToStart(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Back to start' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your back, steadier' }).waitFor();
}

describe('the exercise lock follows core safety rules', () => {
  it('an urgent red flag locks the exercises on the start screen, on their routes and after a reload', async () => {
    await withApp(async (page) => {
      await page.getByRole('heading', { level: 1, name: 'A few safety questions first' }).waitFor();
      await page.getByRole('button', { name: 'None of these apply to me' }).click();
      await page.getByTestId('q-fever-or-chills').getByLabel('Yes').check();
      await page.getByRole('button', { name: 'See what this means' }).click();
      const outcome = page.getByTestId('safety-outcome');
      await outcome.waitFor();
      expect(await outcome.getAttribute('data-tier')).toBe('urgent');
      expect(await page.getByRole('button', { name: 'Continue' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Back to start' }).click();
      await page.getByTestId('exercise-locked').waitFor();
      for (const name of ['Bird-dog test (phone on your back)', 'Hip flexor stretch (camera or phone)'])
        expect(await page.getByRole('button', { name }).isDisabled()).toBe(true);
      for (const route of ['#/bird-dog', '#/stretch']) {
        await page.goto(`${app.server.url}${route}`);
        await page.reload();
        await page.getByTestId('exercise-locked').waitFor();
        expect(await page.getByTestId('pain-now-result').count()).toBe(0);
      }
    });
  });

  it('a caution answer leaves the exercises open', async () => {
    await withApp(async (page) => {
      await page.getByRole('heading', { level: 1, name: 'A few safety questions first' }).waitFor();
      await page.getByRole('button', { name: 'None of these apply to me' }).click();
      await page.getByTestId('q-pain-below-knee').getByLabel('Yes').check();
      await page.getByRole('button', { name: 'See what this means' }).click();
      expect(await page.getByTestId('safety-outcome').getAttribute('data-tier')).toBe('caution');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your back, steadier' }).waitFor();
      expect(await page.getByTestId('exercise-locked').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Hip flexor stretch (camera or phone)' }).isDisabled()).toBe(false);
    });
  });

  it('pain now of 8 is a rest day: neither the stretch nor the test can start', async () => {
    await withApp(async (page) => {
      await passSafetyGate(page);
      expect(await painGate(page, 'Hip flexor stretch (camera or phone)', 8)).toEqual({
        band: 'rest-today',
        carryOn: 0,
      });
      await backToStart(page);
      expect(await painGate(page, 'Bird-dog test (phone on your back)', 8)).toEqual({ band: 'rest-today', carryOn: 0 });
    });
  });

  it('pain now of 6 or 7 hides the bird-dog test but allows the easier stretch; 5 allows both', async () => {
    await withApp(async (page) => {
      await passSafetyGate(page);
      for (const nrs of [6, 7]) {
        expect(await painGate(page, 'Bird-dog test (phone on your back)', nrs)).toEqual({
          band: 'regressions-only',
          carryOn: 0,
        });
        expect(await page.getByRole('button', { name: 'Start the test' }).count()).toBe(0);
        await backToStart(page);
      }
      expect(await painGate(page, 'Hip flexor stretch (camera or phone)', 7)).toEqual({
        band: 'regressions-only',
        carryOn: 1,
      });
      await backToStart(page);
      expect(await painGate(page, 'Bird-dog test (phone on your back)', 5)).toEqual({ band: 'proceed', carryOn: 1 });
      await page.getByRole('button', { name: 'Carry on' }).click();
      await page.getByRole('button', { name: 'Start the test' }).waitFor();
    });
  });
});
