// Running a phone-only bird-dog test to its end, apart from the screen: the samples packed for the
// draft kept while the test runs, and the finished test analysed and saved.

import { PACING_CUES, birdDogTestRecord, type PacingCue, type SensorSample } from '@steadyback/core';
import { analyseSamples } from './bird-dog-run.ts';
import { db, todayIso } from '../storage/db.ts';

export function flattenSamples(samples: readonly SensorSample[]): number[] {
  const out: number[] = [];
  for (const s of samples)
    out.push(s.tMs, s.alphaDeg, s.betaDeg, s.gammaDeg, s.cue === undefined ? -1 : PACING_CUES.indexOf(s.cue));
  return out;
}

export function unflattenSamples(flat: readonly number[]): SensorSample[] {
  const out: SensorSample[] = [];
  for (let i = 0; i + 4 < flat.length; i += 5) {
    const cue = PACING_CUES[flat[i + 4]!] as PacingCue | undefined;
    const base = { tMs: flat[i]!, alphaDeg: flat[i + 1]!, betaDeg: flat[i + 2]!, gammaDeg: flat[i + 3]! };
    out.push(cue === undefined ? base : { ...base, cue });
  }
  return out;
}

/** Analyses the samples, stores the test record (complete), removes the draft; returns the record id or a reason. */
export async function finishTest(
  testId: string,
  samples: readonly SensorSample[],
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const analysed = analyseSamples(samples);
  if (!analysed.ok) return analysed;
  const existing = await db.birdDogTests.get(testId);
  const record = birdDogTestRecord(analysed.result, {
    id: testId,
    dateIso: existing?.dateIso ?? todayIso(),
    status: 'complete',
  });
  await db.transaction('rw', db.birdDogTests, db.sensorDrafts, async () => {
    await db.birdDogTests.put(record);
    await db.sensorDrafts.delete(testId);
  });
  return { ok: true };
}
