// Runs the phone bird-dog test behind the screen: a 50 Hz clock samples the newest reading, the
// segments are spoken as they start, beeps sound past the band, and the samples are saved every
// second until core's analysis turns them into the stored result.

import { useRef, useState, type MutableRefObject } from 'react';
import type { BirdDogTestRecord } from '@steadyback/core';
import { useAppData } from '../app-data.tsx';
import { BirdDogSensorRun, type Level } from '../sensor/bird-dog-run.ts';
import { motionProblem, requestOrientationPermission } from '../sensor/orientation-feed.ts';
import { usePhoneClock, type PhoneTick } from '../sensor/use-phone-clock.ts';
import { db, newId, todayIso } from '../storage/db.ts';
import { beep, speak, unlockAudio } from '../voice/coach-voice.ts';
import { finishTest, flattenSamples } from '../sensor/bird-dog-session.ts';
import { couldNotSave, isStorageFull, storageFullAtEnd } from '../storage/storage-full.ts';

export type Stage =
  | { kind: 'gate' }
  | { kind: 'intro'; problem: string | null }
  | { kind: 'running' }
  | { kind: 'saving' }
  | { kind: 'failed'; reason: string };

export type BirdDogCaption = { text: string; cue: string; leg: string };

function inProgressTest(id: string): BirdDogTestRecord {
  return {
    id,
    dateIso: todayIso(),
    status: 'in-progress',
    sources: { camera: false, sensor: true },
    view: 'none',
    overall: null,
    sides: null,
    reps: [],
    explanation: [],
    notMeasurable: [],
  };
}

interface RunView {
  readonly muted: MutableRefObject<boolean>;
  readonly setStage: (stage: Stage) => void;
  readonly setCaption: (caption: BirdDogCaption) => void;
  readonly setLevel: (level: Level | null) => void;
  readonly setBeeps: (beeps: number) => void;
  readonly setProgress: (update: (p: { rep: number; of: number }) => { rep: number; of: number }) => void;
  readonly setSilent: (silent: boolean) => void;
  /** Null while every save works; else the test time up to which the readings are saved. */
  readonly setStorageFullAfterMs: (savedUntilMs: number | null) => void;
  readonly onResults: (id: string) => void;
}

/**
 * The draft of the readings so far, saved every second: a save the browser refuses (storage full)
 * keeps the last draft that worked, and the screen says up to when.
 */
function draftSaver(testId: string, run: BirdDogSensorRun, view: RunView) {
  let savedUntilMs = 0;
  let full = false;
  const save = async (tMs: number): Promise<void> => {
    try {
      await db.sensorDrafts.put({ id: testId, testId, samples: flattenSamples(run.samples) });
      savedUntilMs = tMs;
      if (full) view.setStorageFullAfterMs(null);
      full = false;
    } catch (err) {
      if (!isStorageFull(err)) throw err;
      if (!full) view.setStorageFullAfterMs(savedUntilMs);
      full = true;
    }
  };
  const finish = async (tMs: number): Promise<void> => {
    try {
      await save(tMs);
      const r = await finishTest(testId, run.samples);
      if (r.ok) view.onResults(testId);
      else view.setStage({ kind: 'failed', reason: r.reason });
    } catch (err) {
      view.setStage({ kind: 'failed', reason: isStorageFull(err) ? storageFullAtEnd(savedUntilMs) : couldNotSave() });
    }
  };
  return { save: (tMs: number) => void save(tMs).catch(() => undefined), finish };
}

function startRun(view: RunView): PhoneTick {
  const { muted, setStage, setCaption, setLevel, setBeeps, setProgress, setSilent } = view;
  const run = new BirdDogSensorRun({ repsPerSide: 3 });
  setProgress(() => ({ rep: 0, of: run.segments.filter((s) => s.cue === 'hold').length }));
  const testId = newId('birddog');
  let lastSave = 0;
  void db.birdDogTests.put(inProgressTest(testId));
  const drafts = draftSaver(testId, run, view);
  return (tMs, reading, stop) => {
    const out = run.tick(tMs, reading);
    if (out.segmentChanged) {
      setCaption({ text: out.segment.say, cue: out.segment.cue, leg: out.segment.leg ?? '' });
      speak(out.segment.say, muted.current);
      if (out.segment.rep !== null) setProgress((p) => ({ ...p, rep: out.segment.rep! + 1 }));
    }
    setSilent(out.sensorSilent && tMs > 2000);
    setLevel(out.level);
    if (out.beep) {
      beep(muted.current);
      setBeeps(run.beeps);
    }
    if (tMs - lastSave >= 1000) {
      lastSave = tMs;
      drafts.save(tMs);
    }
    if (out.done) {
      stop();
      setStage({ kind: 'saving' });
      void drafts.finish(tMs);
    }
  };
}

export function useBirdDogRun(onResults: (id: string) => void) {
  const { settings } = useAppData();
  const [stage, setStage] = useState<Stage>({ kind: 'gate' });
  const [caption, setCaption] = useState<BirdDogCaption>({ text: '', cue: '', leg: '' });
  const [level, setLevel] = useState<Level | null>(null);
  const [beeps, setBeeps] = useState(0);
  const [progress, setProgress] = useState({ rep: 0, of: 6 });
  const [silent, setSilent] = useState(false);
  const [storageFullAfterMs, setStorageFullAfterMs] = useState<number | null>(null);
  const muted = useRef(settings.muted);
  muted.current = settings.muted;

  const begin = async () => {
    unlockAudio();
    const permission = await requestOrientationPermission();
    if (permission !== 'granted') {
      setStage({
        kind: 'intro',
        problem: motionProblem(permission, 'pelvis move'),
      });
      return;
    }
    setStage({ kind: 'running' });
  };

  usePhoneClock(stage.kind === 'running', () =>
    startRun({
      muted,
      setStage,
      setCaption,
      setLevel,
      setBeeps,
      setProgress,
      setSilent,
      setStorageFullAfterMs,
      onResults,
    }),
  );

  return { stage, setStage, caption, level, beeps, progress, silent, storageFullAfterMs, begin };
}
