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
  readonly onResults: (id: string) => void;
}

function startRun(view: RunView): PhoneTick {
  const { muted, setStage, setCaption, setLevel, setBeeps, setProgress, setSilent, onResults } = view;
  const run = new BirdDogSensorRun({ repsPerSide: 3 });
  setProgress(() => ({ rep: 0, of: run.segments.filter((s) => s.cue === 'hold').length }));
  const testId = newId('birddog');
  let lastSave = 0;
  void db.birdDogTests.put(inProgressTest(testId));
  const save = () => db.sensorDrafts.put({ id: testId, testId, samples: flattenSamples(run.samples) });
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
      void save();
    }
    if (out.done) {
      stop();
      setStage({ kind: 'saving' });
      void save()
        .then(() => finishTest(testId, run.samples))
        .then((r) => (r.ok ? onResults(testId) : setStage({ kind: 'failed', reason: r.reason })));
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
    startRun({ muted, setStage, setCaption, setLevel, setBeeps, setProgress, setSilent, onResults }),
  );

  return { stage, setStage, caption, level, beeps, progress, silent, begin };
}
