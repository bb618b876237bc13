// Reads the phone-sensor CSV the app records (tMs,alpha,beta,gamma[,cue]) and turns it into the
// pelvis series the bird-dog analysis takes. Every problem becomes one sentence for the user.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  parseSensorCsv,
  pelvisInputFromSamples,
  waistbandInputFromSamples,
  type PelvisInput,
  type SensorSample,
  type WaistbandInput,
} from '@steadyback/core';
import { CliError } from './cli-error.ts';

export async function readSensorFile(filePath: string): Promise<string> {
  try {
    return await readFile(filePath, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`There is no sensor file at ${filePath}: check the path and try again.`);
    if (code === 'EISDIR')
      throw new CliError(`${filePath} is a folder: give the path of the sensor CSV file the app exported.`);
    throw new CliError(`The sensor file ${filePath} could not be read (${code}): check that you may read it.`);
  }
}

async function loadSamples(filePath: string, offsetMs: number): Promise<SensorSample[]> {
  const parsed = parseSensorCsv(await readSensorFile(filePath));
  if (!parsed.ok) throw new CliError(`${path.basename(filePath)}: ${parsed.reason}`);
  return offsetMs === 0 ? parsed.samples : parsed.samples.map((s) => ({ ...s, tMs: s.tMs + offsetMs }));
}

/** Sensor CSV (phone upright in the waistband at the back) -> pelvic tilt change from the set-up. */
export async function loadWaistbandSensor(
  filePath: string,
  offsetMs = 0,
): Promise<WaistbandInput & { notes: string[] }> {
  const r = waistbandInputFromSamples(await loadSamples(filePath, offsetMs), 'recorded');
  if (!r.ok) throw new CliError(`${path.basename(filePath)}: ${r.reason}`);
  return { ...r.waistband, notes: r.notes };
}

/** Sensor CSV (phone flat on the lower back) -> body-axis pelvis roll and pitch, quality intervals and pacing cues. */
export async function loadPelvisSensor(
  filePath: string,
  offsetMs = 0,
): Promise<{ pelvis: PelvisInput; mountingYawDeg: number; mountingYawSource: string }> {
  const r = pelvisInputFromSamples(await loadSamples(filePath, offsetMs), 'recorded');
  if (!r.ok) throw new CliError(`${path.basename(filePath)}: ${r.reason}`);
  return { pelvis: r.pelvis, mountingYawDeg: r.mountingYawDeg, mountingYawSource: r.mountingYawSource };
}
