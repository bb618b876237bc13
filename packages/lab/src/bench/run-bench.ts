// The accuracy benchmark end to end: plan -> renders (cached, in the background) -> pose models on
// stills -> clips through the real video pipeline and analysers -> the phone-sensor trials ->
// one AccuracyReport. Used by the CLI (npm run bench:accuracy) and by the plumbing test.

import type { PoseModelName } from '@steadyback/pose';
import { benchPlan, type Preset } from './cases.ts';
import { figureSource } from './figure-source.ts';
import { createProgressLine } from './progress.ts';
import { createRenderQueue } from './render-queue.ts';
import {
  stretchModelRows,
  verdictTables,
  viewSummary,
  VIEW_KEY,
  type AccuracyReport,
  type ViewKey,
  type ViewSummary,
} from './report.ts';
import { summarizeRepFinding } from './rep-finding.ts';
import { runClips } from './run-clips.ts';
import { runStills } from './run-stills.ts';
import { runSensorBench } from './sensor-bench.ts';
import { summarizeStills } from './summarize-stills.ts';

export interface BenchOptions {
  readonly preset: Preset;
  readonly progress?: boolean;
  /** Render the mannequin-js fallback even when the CC0 figures are there (plumbing checks). */
  readonly fallbackFigure?: boolean;
}

export async function runAccuracyBench(o: BenchOptions): Promise<AccuracyReport> {
  const t0 = Date.now();
  const figures = figureSource(o.fallbackFigure ?? false);
  const plan = benchPlan(o.preset, figures.fallback);
  const progress = createProgressLine(o.progress ?? false);
  if (figures.fallback) progress.note(figures.note!);
  const queue = createRenderQueue(plan.stills, plan.clips, (d, t) => progress.set('renders', d, t));
  let stills, clips;
  try {
    stills = await runStills(plan.stills, queue, (d, t) => progress.set('still model runs', d, t));
    clips = await runClips(plan.clips, queue, (d, t) => progress.set('clips', d, t));
  } finally {
    await queue.close();
  }
  const sensor = runSensorBench(plan.sensorSeeds);
  progress.stop();
  const s = summarizeStills(plan.stills, stills);
  const views: Partial<Record<ViewKey, ViewSummary>> = {};
  for (const v of s.views) views[VIEW_KEY[v.view]] = viewSummary(v);
  let bestRoll: AccuracyReport['cameraRoll']['best'] = null;
  for (const v of Object.values(views)) {
    if (v && v.rollMaeDeg !== null && v.rollMethod && v.rollModel && (!bestRoll || v.rollMaeDeg < bestRoll.maeDeg)) {
      bestRoll = { view: v.view, method: v.rollMethod, model: v.rollModel as PoseModelName, maeDeg: v.rollMaeDeg };
    }
  }
  const verdicts = verdictTables(clips, sensor);
  return {
    preset: o.preset,
    figures: figures.label,
    figureNote: figures.note,
    durationS: (Date.now() - t0) / 1000,
    counts: { stills: plan.stills.length, clips: plan.clips.length, modelRuns: stills.records.length },
    views,
    variants: s.variants,
    cameraRoll: { measurable: Object.values(views).some((v) => v?.rollMeasurable), best: bestRoll },
    stretchModels: stretchModelRows(s.views, clips),
    sensor: {
      rollMaeDeg: sensor.roll.mae,
      pitchMaeDeg: sensor.pitch.mae,
      waistbandTiltMaeDeg: sensor.waistbandTilt.mae,
      roll: sensor.roll,
      pitch: sensor.pitch,
      waistbandTilt: sensor.waistbandTilt,
      byYaw: sensor.byYaw,
    },
    stillVerdicts: s.verdicts,
    verdicts,
    spuriousReps: clips.spuriousReps,
    confidentWrongVerdicts: verdicts.reduce((n, v) => n + v.matrix.confidentWrong, 0),
    repFinding: summarizeRepFinding(clips.repFinding),
  };
}
