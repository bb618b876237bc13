// Reads the phone-sensor CSV the app records (tMs,alpha,beta,gamma[,cue]) and turns it into the
// pelvis series the bird-dog analysis takes. Every problem becomes one sentence for the user.

import { readFile, stat } from 'node:fs/promises';
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

/**
 * The largest phone log read: about an hour of readings at 60 a second with cues is 10 MB, and a
 * test or a stretch session is a few minutes (MAX_RECORDING_MINUTES in core is the real limit).
 */
export const MAX_SENSOR_FILE_BYTES = 16 * 1024 * 1024;

function unreadable(filePath: string, err: unknown): CliError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new CliError(`There is no sensor file at ${filePath}: check the path and try again.`);
  if (code === 'EISDIR')
    return new CliError(`${filePath} is a folder: give the path of the sensor CSV file the app exported.`);
  return new CliError(`The sensor file ${filePath} could not be read (${code}): check that you may read it.`);
}

export async function readSensorFile(filePath: string): Promise<string> {
  const info = await stat(filePath).catch((err: unknown) => {
    throw unreadable(filePath, err);
  });
  if (info.isDirectory()) throw unreadable(filePath, { code: 'EISDIR' });
  if (info.size > MAX_SENSOR_FILE_BYTES)
    throw new CliError(
      `${path.basename(filePath)} is ${Math.round(info.size / 1024 / 1024)} MB, more than the ${MAX_SENSOR_FILE_BYTES / 1024 / 1024} MB of phone readings steadyback reads (about an hour): keep only the session you want analysed and try again.`,
    );
  try {
    return await readFile(filePath, 'utf8');
  } catch (err) {
    throw unreadable(filePath, err);
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
