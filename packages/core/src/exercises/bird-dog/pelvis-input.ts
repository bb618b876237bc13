// The phone's raw orientation samples -> the pelvis series the bird-dog analysis takes: body-axis
// roll and pitch from core/sensor, the intervals the phone could not be trusted, and the pacing
// cues. Shared by the CLI (a CSV file) and the app (live deviceorientation events).

import { pelvisTilt, type MountingYawSource, type SensorMode } from '../../sensor/pelvis-tilt.ts';
import type { AnySensorSample, PacingCue } from '../../sensor/sensor-series.ts';
import type { PelvisInput } from './input.ts';
import type { Outcome } from '../../outcome.ts';

export type PelvisInputResult = Outcome<{
  pelvis: PelvisInput;
  mountingYawDeg: number;
  mountingYawSource: MountingYawSource;
}>;

export function pelvisInputFromSamples(
  samples: ReadonlyArray<AnySensorSample>,
  mode: SensorMode = 'recorded',
): PelvisInputResult {
  const tilt = pelvisTilt(samples, { mode });
  if (!tilt.ok) return tilt;
  const measured = tilt.samples.filter(
    (s): s is typeof s & { rollDeg: number; pitchDeg: number } => s.rollDeg !== null && s.pitchDeg !== null,
  );
  const cues = tilt.samples
    .filter((s): s is typeof s & { cue: PacingCue } => s.cue !== undefined)
    .map((s) => ({ tMs: s.tMs, cue: s.cue }));
  return {
    ok: true,
    pelvis: {
      samples: measured.map((s) => ({ tMs: s.tMs, rollDeg: s.rollDeg, pitchDeg: s.pitchDeg })),
      badIntervals: tilt.quality,
      cues,
      notes: tilt.notes,
      mountingYawSource: tilt.mountingYawSource,
    },
    mountingYawDeg: tilt.mountingYawDeg,
    mountingYawSource: tilt.mountingYawSource,
  };
}
