// The series a result carries for its charts: the camera's over all readings, and the phone's.

import type { CameraReading } from './camera-reading.ts';
import type { CameraSignals } from './camera-signals.ts';
import type { PelvisInput } from './input.ts';
import type { BirdDogResult } from './result.ts';

/** The camera's series over all readings, one after the other, and the phone's. */
export function seriesOf(readings: readonly CameraReading[], pelvis: PelvisInput | undefined): BirdDogResult['series'] {
  const all = <T>(f: (r: CameraReading) => readonly T[]) => readings.flatMap((r) => [...f(r)]);
  const motions = readings.filter((r) => r.motion);
  return {
    tMs: all((r) => r.cam.tMs),
    legRise: {
      left: all((r) => r.cam.rise.map((x) => x.leftLeg)),
      right: all((r) => r.cam.rise.map((x) => x.rightLeg)),
    },
    armRise: {
      left: all((r) => r.cam.rise.map((x) => x.leftArm)),
      right: all((r) => r.cam.rise.map((x) => x.rightArm)),
    },
    legElevationDeg: all((r) =>
      r.view === 'side' ? r.cam.tMs.map((_, i) => higherLegElevation(r.cam, i)) : r.cam.tMs.map(() => null),
    ),
    trunkSag: all((r) =>
      r.view === 'side'
        ? r.cam.sagRaw.map((x) => (x !== null && r.cam.restSagRaw !== null ? r.cam.restSagRaw - x : null))
        : r.cam.tMs.map(() => null),
    ),
    motion:
      motions.length > 0
        ? {
            tMs: motions.flatMap((r) => r.motion!.tMs),
            change: motions.flatMap((r) => r.motion!.activity),
            endOn: motions.some((r) => r.view === 'end-on'),
          }
        : null,
    sensor: pelvis
      ? {
          tMs: pelvis.samples.map((s) => s.tMs),
          rollDeg: pelvis.samples.map((s) => s.rollDeg),
          pitchDeg: pelvis.samples.map((s) => s.pitchDeg),
        }
      : null,
  };
}

function higherLegElevation(cam: CameraSignals, i: number): number | null {
  const r = cam.rise[i]!;
  const side = (r.leftLeg ?? -Infinity) >= (r.rightLeg ?? -Infinity) ? 'left' : 'right';
  return cam.legElevationDeg[side][i] ?? null;
}
