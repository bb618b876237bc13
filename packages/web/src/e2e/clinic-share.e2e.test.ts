// Sharing with a physical therapist, end to end in Debian's Chromium: the clinic server (packages/clinic,
// embedded database) and the built app on 127.0.0.1. The therapist signs in and makes an invitation
// code on the clinic's pages; the patient's app imports simulated weeks, types the address and the
// code, sees what would be sent and confirms; the therapist sees the patient with the escalation;
// the therapist leaves a note that the app shows at the next share; the patient stops sharing and
// the clinic says so. Nothing reaches the clinic before the confirmation.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createClinician, startClinic, type RunningClinic } from '@steadyback/clinic';
import { simulateWeeks } from '@steadyback/synthetic';
import { birdDogSideClip } from '@steadyback/lab/fixtures';
import { buildAndServe, launchWithFakeCamera, type BuiltApp } from './app-harness.ts';

const EMAIL = 'therapist@clinic.test';
const PASSWORD = 'a long enough password';
const SCREENSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../.cache/web-e2e');

let app: BuiltApp;
let clinic: RunningClinic;
let y4m: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'steadyback-share-'));
  const [built, clip, running] = await Promise.all([
    buildAndServe(),
    birdDogSideClip(),
    startClinic({ host: '127.0.0.1', port: 0, dataDir: path.join(dir, 'clinic-db'), databaseUrl: null }),
  ]);
  app = built;
  y4m = clip.y4m;
  clinic = running;
  await createClinician(clinic.db, EMAIL, PASSWORD);
});

afterAll(async () => {
  await app?.close();
  await clinic?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function signIn(page: Page): Promise<void> {
  await page.goto(`${clinic.url}/login`);
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Patients' }).waitFor();
}

async function inviteCode(page: Page, label: string): Promise<string> {
  await page.goto(`${clinic.url}/invite`);
  await page.locator('#label').fill(label);
  await page.getByRole('button', { name: 'Make a code' }).click();
  return ((await page.locator('.code').textContent()) ?? '').trim();
}

describe('sharing results with a physical therapist', () => {
  it('sends only after the patient confirms, shows the therapist the patient, and stops when asked', async () => {
    const sim = simulateWeeks({ scenario: 'red-three-times', weeks: 3, camera: false });
    const file = path.join(dir, 'simulated.json');
    writeFileSync(file, JSON.stringify(sim.data));
    const therapist = await launchWithFakeCamera(y4m, { width: 1200, height: 1400 });
    const patient = await launchWithFakeCamera(y4m);
    try {
      const clinicPage = await therapist.context.newPage();
      await signIn(clinicPage);
      const code = await inviteCode(clinicPage, 'Patient Robin');
      expect(code).toMatch(/^[A-Z0-9]{4}-?[A-Z0-9]{4}$/);

      const toClinic: string[] = [];
      patient.context.on('request', (r) => {
        if (r.url().startsWith(clinic.url)) toClinic.push(`${r.method()} ${new URL(r.url()).pathname}`);
      });
      const page = await patient.context.newPage();
      page.on('dialog', (d) => void d.accept());
      await page.clock.setFixedTime(new Date(`${sim.todayIso}T10:00:00`));
      await page.goto(`${app.server.url}#/data`);
      await page.getByTestId('import-file').setInputFiles(file);
      await expect.poll(() => page.getByTestId('data-message').textContent()).toMatch(/^Imported \d+ tests/);

      // A wrong address is refused on the spot, before anything is sent.
      await page.getByLabel("The clinic's address").fill('ftp://clinic.example');
      await page.getByLabel('Invitation code').fill(code);
      await page.getByRole('button', { name: 'See what will be sent' }).click();
      expect(await page.getByTestId('share-message').textContent()).toMatch(/must start with https:\/\//);

      await page.getByLabel("The clinic's address").fill(clinic.url);
      await page.getByRole('button', { name: 'See what will be sent' }).click();
      const preview = page.getByTestId('share-preview');
      await preview.waitFor();
      expect(await preview.textContent()).toMatch(/\d+ bird-dog tests.*\d+ pain check-ins.*no video/s);
      expect(toClinic).toEqual([]);

      await page.getByRole('button', { name: 'Send to my physical therapist' }).click();
      await expect.poll(() => page.getByTestId('share-message').textContent()).toBe(`Sent to ${clinic.url}.`);
      expect(toClinic.filter((r) => r.startsWith('POST'))).toEqual([
        'POST /api/share/accept',
        'POST /api/share/upload',
      ]);

      // The therapist sees the patient, with the app's own escalation after three red days.
      await clinicPage.goto(`${clinic.url}/`);
      const row = clinicPage.getByRole('row').filter({ hasText: 'Patient Robin' });
      expect(await row.textContent()).toMatch(/suggests seeing a physical therapist/);
      await row.getByRole('link', { name: 'Patient Robin' }).click();
      await clinicPage.getByRole('heading', { level: 1, name: 'Patient Robin' }).waitFor();
      // Trends over the weeks: the charts are drawn from the shared numbers.
      const charts = clinicPage.locator('figure.chart svg[role="img"]');
      expect(await charts.count()).toBeGreaterThanOrEqual(2);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await clinicPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'clinic-patient.png') });
      // The therapist leaves a note and a dose; the app shows them at the next share.
      await clinicPage.locator('#note').fill('Keep the holds gentle this week.');
      await clinicPage.locator('#setsPerSide').selectOption('2');
      await clinicPage.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('button', { name: 'Send the latest results' }).click();
      const plan = page.getByTestId('therapist-plan');
      await plan.waitFor();
      expect(await plan.textContent()).toMatch(/Keep the holds gentle this week\..*2 sets per side/s);

      // The code was used: a second patient cannot use it again.
      const again = await fetch(`${clinic.url}/api/share/accept`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      expect(again.status).toBeGreaterThanOrEqual(400);

      await page.getByRole('button', { name: 'Stop sharing', exact: true }).click();
      await expect.poll(() => page.getByTestId('share-message').textContent()).toBe('Sharing stopped.');
      await clinicPage.goto(`${clinic.url}/`);
      expect(await clinicPage.getByRole('row').filter({ hasText: 'Patient Robin' }).textContent()).toMatch(
        /stopped sharing/,
      );
    } finally {
      await therapist.close();
      await patient.close();
    }
  });
});
