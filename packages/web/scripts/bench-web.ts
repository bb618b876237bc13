// npm run bench:web: the real app in headless Debian Chromium on this machine, measured in one run.
//  1. Live pose speed: the camera check with BlazePose lite on a 30 fps 640x480 fake camera, the
//     app's own "checks per second" read each second for 20 s.
//  2. Cue latency, camera: the stretch with a rocking clip; from the frame at which the rule fired
//     (its time stamp, carried on the caption) to the caption on screen (a MutationObserver).
//  3. Cue latency, phone: the bird-dog test with device orientation driven through the DevTools
//     protocol; from the orientation event that crossed the band to the level turning amber/red.
// Prints a table; never asserts. Usage: npm run bench:web [-- --json FILE]

import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { benchClip, halfKneelRockingClip } from '@steadyback/lab/fixtures';
import { buildAndServe, followPacingWithPhone, launchWithFakeCamera, passSafetyGate } from '../src/e2e/app-harness.ts';

interface Stats {
  n: number;
  median: number | null;
  p90: number | null;
  max: number | null;
}
const stats = (xs: number[]): Stats => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : null);
  return { n: s.length, median: q(0.5), p90: q(0.9), max: s.length ? s[s.length - 1]! : null };
};
const fmt = (v: number | null, digits = 0) => (v === null ? 'n/a' : v.toFixed(digits));

async function livePoseFps(url: string, y4m: string): Promise<number[]> {
  const browser = await launchWithFakeCamera(y4m);
  try {
    const page = await browser.context.newPage();
    await page.goto(url);
    await passSafetyGate(page);
    await page.getByRole('button', { name: 'Camera check' }).click();
    await page.getByRole('button', { name: 'Turn on the camera' }).click();
    const meta = page.getByText(/Checking your position \d+ times a second/);
    await meta.waitFor({ timeout: 120_000 });
    await page.waitForTimeout(3000); // warm-up
    const out: number[] = [];
    for (let i = 0; i < 20; i++) {
      const m = /(\d+) times/.exec((await meta.textContent()) ?? '');
      if (m) out.push(Number(m[1]));
      await page.waitForTimeout(1000);
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** Installs a MutationObserver that records when the caption's text changes, with the cue's frame time. */
async function watchCaption(page: Page): Promise<void> {
  await page.getByTestId('caption').evaluate((el) => {
    const w = globalThis as unknown as { __cues: Array<{ frameMs: number; shownMs: number; text: string }> };
    w.__cues = [];
    let last = el.textContent;
    const MO = (
      globalThis as unknown as {
        MutationObserver: new (cb: () => void) => { observe(target: unknown, options: object): void };
      }
    ).MutationObserver;
    new MO(() => {
      const frame = Number(el.getAttribute('data-cue-frame-ms'));
      if (el.textContent !== last && Number.isFinite(frame) && frame > 0)
        w.__cues.push({ frameMs: frame, shownMs: performance.now(), text: el.textContent ?? '' });
      last = el.textContent;
    }).observe(el, { childList: true, characterData: true, subtree: true, attributes: true });
  });
}

async function cameraCueLatency(url: string, y4m: string): Promise<{ latencies: number[]; cues: string[] }> {
  const browser = await launchWithFakeCamera(y4m);
  try {
    const page = await browser.context.newPage();
    await page.goto(url);
    await passSafetyGate(page);
    await page.getByRole('button', { name: 'Hip flexor stretch (camera or phone)' }).click();
    await page.getByTestId('pain-now-1').click();
    await page.getByRole('button', { name: 'Carry on' }).click();
    await page.getByLabel('Mute voice cues (captions stay on)').check();
    await page.getByRole('button', { name: 'Turn on the camera and start' }).click();
    await page.getByTestId('caption').waitFor();
    await watchCaption(page);
    await page.waitForTimeout(60_000);
    const cues = await page.evaluate(
      () => (globalThis as unknown as { __cues: Array<{ frameMs: number; shownMs: number; text: string }> }).__cues,
    );
    return { latencies: cues.map((c) => c.shownMs - c.frameMs), cues: cues.map((c) => c.text) };
  } finally {
    await browser.close();
  }
}

async function sensorCueLatency(url: string, y4m: string): Promise<number[]> {
  const browser = await launchWithFakeCamera(y4m);
  try {
    const page = await browser.context.newPage();
    await page.goto(url);
    await passSafetyGate(page);
    await page.getByRole('button', { name: 'Bird-dog test (phone on your back)' }).click();
    await page.getByTestId('pain-now-1').click();
    await page.getByRole('button', { name: 'Carry on' }).click();
    await page.getByLabel('Mute voice and beeps (captions stay on)').check();
    await page.getByRole('button', { name: 'Start the test' }).click();
    await page.getByTestId('level').waitFor();
    // In the page: when did an orientation event first cross 5 degrees, and when did the level change colour?
    await page.evaluate(() => {
      const w = globalThis as unknown as {
        __lat: number[];
        addEventListener: (t: string, f: (e: { gamma: number | null }) => void) => void;
      };
      w.__lat = [];
      let crossedAt: number | null = null;
      w.addEventListener('deviceorientation', (e) => {
        const over = Math.abs(e.gamma ?? 0) >= 5;
        if (over && crossedAt === null) crossedAt = performance.now();
        if (!over) crossedAt = null;
      });
      const level = (
        globalThis as unknown as { document: { querySelector(s: string): { className: string } } }
      ).document.querySelector('[data-testid="level"]')!;
      let warned = false;
      const MO = (
        globalThis as unknown as {
          MutationObserver: new (cb: () => void) => { observe(target: unknown, options: object): void };
        }
      ).MutationObserver;
      new MO(() => {
        const now = /level-(amber|red)/.test(level.className);
        if (now && !warned && crossedAt !== null) w.__lat.push(performance.now() - crossedAt);
        warned = now;
      }).observe(level, { attributes: true });
    });
    // A brisk hip drop (about 60 deg/s) in every hold, so the crossing moment is sharp, sent about as
    // often as a phone's sensor fires (60 Hz): the level's 5-sample median waits for samples, not time.
    await followPacingWithPhone(browser.context, page, {
      targetRollDeg: (cue) => (cue === 'hold' ? 9 : 0),
      maxStepDeg: 1,
      stepMs: 16,
      untilMs: 75_000,
    });
    return await page.evaluate(() => (globalThis as unknown as { __lat: number[] }).__lat);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'string' } } });
  process.stdout.write('bench:web: building the app and rendering the clips (cached after the first run)...\n');
  const [app, bench, rocking] = await Promise.all([buildAndServe(), benchClip(), halfKneelRockingClip()]);
  try {
    process.stdout.write('1/3 live pose speed (BlazePose lite, camera check, 20 s)...\n');
    const fps = await livePoseFps(app.server.url, bench.y4m);
    process.stdout.write('2/3 camera cue latency (stretch, rocking clip, 60 s)...\n');
    const cam = await cameraCueLatency(app.server.url, rocking.y4m);
    process.stdout.write('3/3 phone cue latency (bird-dog, device orientation, ~75 s)...\n');
    const sensor = await sensorCueLatency(app.server.url, bench.y4m);
    const f = stats(fps),
      c = stats(cam.latencies),
      s = stats(sensor);
    const rows = [
      ['live pose, BlazePose lite (checks/s)', f, 'target >= 30'],
      ['cue latency, camera (ms)', c, 'target <= 100'],
      ['cue latency, phone (ms)', s, 'target <= 100'],
    ] as const;
    process.stdout.write('\nmeasure                                 n    median   p90     max     target\n');
    for (const [name, st, target] of rows) {
      process.stdout.write(
        `${name.padEnd(40)}${String(st.n).padEnd(5)}${fmt(st.median).padEnd(9)}${fmt(st.p90).padEnd(8)}${fmt(st.max).padEnd(8)}${target}\n`,
      );
    }
    process.stdout.write(`\ncamera cues seen: ${[...new Set(cam.cues)].join(' | ') || 'none'}\n`);
    if (values.json)
      writeFileSync(
        values.json,
        JSON.stringify(
          {
            livePoseFps: f,
            cameraCueLatencyMs: c,
            sensorCueLatencyMs: s,
            samples: { fps, camera: cam.latencies, sensor },
          },
          null,
          2,
        ),
      );
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:web failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
