// The phone's raw orientation samples (upright in the waistband at the back) -> the pelvic-tilt
// series the stretch analysis takes. Shared by the CLI and the app.

import { waistbandTilt, type SensorMode } from '../../sensor/pelvis-tilt.ts';
import type { AnySensorSample } from '../../sensor/sensor-series.ts';
import type { WaistbandInput } from './input.ts';
import type { Outcome } from '../../outcome.ts';

export type WaistbandInputResult = Outcome<{ waistband: WaistbandInput; notes: string[] }>;

export function waistbandInputFromSamples(
  samples: ReadonlyArray<AnySensorSample>,
  mode: SensorMode = 'recorded',
): WaistbandInputResult {
  const tilt = waistbandTilt(samples, { mode });
  if (!tilt.ok) return tilt;
  const measured = tilt.samples
    .filter((s): s is typeof s & { tiltDeg: number } => s.tiltDeg !== null)
    .map((s) => ({ tMs: s.tMs, tiltDeg: s.tiltDeg }));
  return { ok: true, waistband: { samples: measured }, notes: tilt.notes };
}
