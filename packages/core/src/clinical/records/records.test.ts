// The stored/exported records: built from real analyser results, exported, parsed back
// losslessly, and refused with one clear sentence when a file is not an export or is damaged.
import { describe, expect, it } from 'vitest';
import { analyzeBirdDog } from '../../exercises/bird-dog/analyze.ts';
import { pelvisInputFromSamples } from '../../exercises/bird-dog/pelvis-input.ts';
import { createGuardState, recordHold, startSession } from '../guard/guard-state.ts';
import { birdDogSession, generatePelvisStream } from '@steadyback/synthetic';
import { buildExport, parseExport, type ExportParts } from './export.ts';
import { birdDogTestRecord } from './from-results.ts';
import { DEFAULT_SETTINGS, RECORDS_VERSION } from './schema.ts';

function phoneOnlyResult() {
  const session = birdDogSession({
    repsPerSide: 2,
    repTilt: { left: { rollDeg: -12, pitchDeg: 3 }, right: { rollDeg: 3, pitchDeg: 2 } },
  });
  const stream = generatePelvisStream({
    timeline: session.timeline,
    durationMs: session.durationMs,
    rateHz: 50,
    headingDeg: 0,
    mount: 'sacrum',
    mountingYawDeg: 10,
    noiseSdDeg: 0.2,
    seed: 3,
  });
  const pelvis = pelvisInputFromSamples(stream.samples);
  if (!pelvis.ok) throw new Error(pelvis.reason);
  return analyzeBirdDog({ pelvis: pelvis.pelvis });
}

function parts(): ExportParts {
  let guard = createGuardState({ ageYears: 40 });
  const started = startSession(guard, { dateIso: '2026-11-02', restPainNrs: 2 });
  if (!started.ok) throw new Error(started.reason);
  const held = recordHold(started.state, {
    side: 'left',
    intensity: 4,
    pain: false,
    feltAt: 'front-of-hip',
    depthDeg: 12,
  });
  if (!held.ok) throw new Error(held.reason);
  guard = held.state;
  return {
    settings: { ...DEFAULT_SETTINGS, ageYears: 40, programmeStartIso: '2026-11-02' },
    screenings: [
      { id: 's1', dateIso: '2026-11-02', answers: { 'saddle-numbness': false }, outcome: 'clear', reason: 'first-run' },
    ],
    painDays: [
      {
        id: 'p1',
        dateIso: '2026-11-02',
        restNrs: 2,
        peakNrs: 3,
        morningNrs: null,
        settledWithin24h: null,
        newSymptomBelowKnee: false,
      },
    ],
    outcomeChecks: [{ id: 'o1', dateIso: '2026-11-02', usualPainNrs: 4, peg3: { pain: 4, enjoyment: 3, activity: 3 } }],
    birdDogTests: [birdDogTestRecord(phoneOnlyResult(), { id: 'b1', dateIso: '2026-11-02' })],
    stretchSessions: [
      {
        id: 'h1',
        dateIso: '2026-11-02',
        status: 'in-progress',
        sources: { camera: true, sensor: false },
        targetHoldSeconds: 30,
        depthCapDeg: null,
        stoppedForToday: false,
        holds: [
          {
            side: 'left',
            startMs: 1000,
            endMs: 31000,
            goodFormMs: 27000,
            faults: [{ rule: 'C5', atMs: 9000, source: 'camera' }],
            depthDeg: 12,
            intensity: 4,
            pain: false,
            feltAt: 'front-of-hip',
            action: 'hold',
          },
        ],
      },
    ],
    guard,
  };
}

describe('bird-dog test record', () => {
  it('keeps per-side verdicts, the worst roll and per-rep rolls from the phone', () => {
    const rec = birdDogTestRecord(phoneOnlyResult(), { id: 'b1', dateIso: '2026-11-02' });
    expect(rec.sources).toEqual({ camera: false, sensor: true });
    expect(rec.sides!.left.maxRollDeg!).toBeGreaterThan(11);
    expect(rec.sides!.left.maxRollDeg!).toBeLessThan(13);
    expect(rec.sides!.right.maxRollDeg!).toBeLessThan(4.5);
    expect(rec.reps.filter((r) => r.leg === 'left').every((r) => r.rollSource === 'sensor')).toBe(true);
    expect(rec.sides!.left.worstFrame).toBeNull();
    // Without a camera, the camera's rules are listed as not measurable with a reason.
    expect(rec.notMeasurable.map((n) => n.rule)).toContain('R4');
  });
});

describe('export and import', () => {
  it('round-trips every record and the guard state exactly', () => {
    const doc = buildExport(parts(), '2026-11-03');
    expect(doc.version).toBe(RECORDS_VERSION);
    const back = parseExport(JSON.stringify(doc));
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.data).toEqual(doc);
  });

  it('refuses text that is not JSON, another JSON file, a newer version and a damaged record, each with one sentence', () => {
    const doc = buildExport(parts(), '2026-11-03');
    const notJson = parseExport('{oops');
    const other = parseExport({ hello: 1 });
    const newer = parseExport({ ...doc, version: RECORDS_VERSION + 1 });
    const damaged = parseExport({ ...doc, painDays: [{ ...doc.painDays[0], restNrs: 14 }] });
    const badGuard = parseExport({ ...doc, guard: { ...(doc.guard as object), holdSeconds: -3 } });
    for (const r of [notJson, other, newer, damaged, badGuard]) expect(r.ok).toBe(false);
    if (!notJson.ok) expect(notJson.reason).toMatch(/not valid JSON/);
    if (!other.ok) expect(other.reason).toMatch(/not a steadyback export/);
    if (!newer.ok) expect(newer.reason).toMatch(/newer steadyback/);
    if (!damaged.ok) expect(damaged.reason).toMatch(/painDays\.0\.restNrs/);
    if (!badGuard.ok) expect(badGuard.reason).toMatch(/guard\.holdSeconds/);
  });

  it('refuses to build an export from records that break the schema', () => {
    const p = parts();
    expect(() => buildExport({ ...p, painDays: [{ ...p.painDays[0]!, dateIso: '2/11/2026' }] }, '2026-11-03')).toThrow(
      /painDays\.0\.dateIso/,
    );
  });
});
