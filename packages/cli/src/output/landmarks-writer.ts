// Landmark files: JSON Lines (one object per frame) and CSV (one row per frame, columns per
// landmark). x and y are normalised to 0..1 of the upright frame.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { BLAZEPOSE_LANDMARKS, type FrameResult } from '@steadyback/core';

export type LandmarkFileFormat = 'jsonl' | 'csv';

export function formatFromPath(filePath: string): LandmarkFileFormat | null {
  const lower = filePath.toLowerCase();
  if (lower.endsWith('.jsonl')) return 'jsonl';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** One frame as the JSONL schema: {"tMs", "landmarks": null | [{name,x,y,z?,visibility}]}. */
export function frameToJson(frame: FrameResult): object {
  if (!frame.landmarks) return { tMs: round(frame.tMs, 3), landmarks: null };
  const landmarks: object[] = [];
  frame.landmarks.forEach((lm, i) => {
    if (!lm) return;
    landmarks.push({
      name: BLAZEPOSE_LANDMARKS[i],
      x: round(lm.xNorm, 5),
      y: round(lm.yNorm, 5),
      ...(lm.zNorm !== undefined ? { z: round(lm.zNorm, 5) } : {}),
      visibility: round(lm.visibility, 4),
    });
  });
  return { tMs: round(frame.tMs, 3), landmarks };
}

export function csvHeader(): string {
  const cols = ['tMs', 'person'];
  for (const n of BLAZEPOSE_LANDMARKS) cols.push(`${n}_x`, `${n}_y`, `${n}_z`, `${n}_visibility`);
  return cols.join(',');
}

export function frameToCsvRow(frame: FrameResult): string {
  const cells: string[] = [String(round(frame.tMs, 3)), frame.landmarks ? '1' : '0'];
  for (let i = 0; i < BLAZEPOSE_LANDMARKS.length; i++) {
    const lm = frame.landmarks?.[i];
    if (!lm) cells.push('', '', '', '');
    else
      cells.push(
        String(round(lm.xNorm, 5)),
        String(round(lm.yNorm, 5)),
        lm.zNorm !== undefined ? String(round(lm.zNorm, 5)) : '',
        String(round(lm.visibility, 4)),
      );
  }
  return cells.join(',');
}

export async function writeLandmarkFile(
  filePath: string,
  frames: readonly FrameResult[],
  format: LandmarkFileFormat,
): Promise<void> {
  const out = createWriteStream(filePath);
  const failed = once(out, 'error').then(([e]) => Promise.reject(e as Error));
  failed.catch(() => undefined);
  const write = async (line: string) => {
    if (!out.write(line + '\n')) await Promise.race([once(out, 'drain'), failed]);
  };
  if (format === 'csv') await write(csvHeader());
  for (const f of frames) await write(format === 'csv' ? frameToCsvRow(f) : JSON.stringify(frameToJson(f)));
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}
