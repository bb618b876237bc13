// Runs the bird-dog with the camera behind the screen: the laptop's 50 Hz clock plays the pacing
// (spoken here, where the person can hear it), the paired phone's newest reading drives the live
// level and the beeps, the camera's frames are kept for the set, and after each rep core's
// analysis of the frames so far says what the camera saw. At the end the frames and the phone's
// samples (all of them, also those that arrived late after a dropped link) go to core's analysis,
// and the result is saved like every other test.

import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import { birdDogTestRecord, type FrameResult } from '@steadyback/core';
import { useAppData } from '../app-data.tsx';
import type { ScreenPairing } from '../pairing/use-screen-pairing.ts';
import { BirdDogSensorRun, SAMPLE_INTERVAL_MS, type Level } from '../sensor/bird-dog-run.ts';
import { analyseSet, lastRepFromCamera, samplesForSet } from '../sensor/paired-run.ts';
import { db, newId, todayIso } from '../storage/db.ts';
import { isStorageFull } from '../storage/storage-full.ts';
import { beep, speak, stopSpeaking, unlockAudio } from '../voice/coach-voice.ts';
import type { BirdDogCaption } from './use-bird-dog-run.ts';

export type CameraRunStage =
  { kind: 'gate' } | { kind: 'setup' } | { kind: 'running' } | { kind: 'saving' } | { kind: 'failed'; reason: string };

const NOT_SAVED_FULL =
  "Your browser's storage is full, so this test could not be saved. Free some space (export your data, or clear other sites' data), then do the test again.";
const NOT_SAVED = 'This test could not be saved, and we do not know why. Please do the test again.';

/** A phone reading older than this is not shown as the level (the phone went quiet). */
const FRESH_MS = 1000;

interface Live {
  readonly caption: BirdDogCaption;
  readonly level: Level | null;
  readonly beeps: number;
  readonly rep: { readonly n: number; readonly of: number };
  readonly lastRep: string | null;
  readonly phoneSilent: boolean;
}

const IDLE: Live = {
  caption: { text: '', cue: '', leg: '' },
  level: null,
  beeps: 0,
  rep: { n: 0, of: 6 },
  lastRep: null,
  phoneSilent: false,
};

async function saveSet(frames: readonly FrameResult[], pairing: ScreenPairing, t0: number, run: BirdDogSensorRun) {
  const session = pairing.getSession();
  const phone = session ? session.samplesOnScreenClock() : [];
  const outcome = analyseSet(frames, samplesForSet(phone, t0, run.segments));
  if (!outcome.ok) return outcome;
  const id = newId('birddog');
  await db.birdDogTests.put(birdDogTestRecord(outcome.result, { id, dateIso: todayIso(), status: 'complete', frames }));
  return { ok: true as const, id };
}

interface RunRefs {
  readonly frames: MutableRefObject<FrameResult[]>;
  readonly t0: MutableRefObject<number | null>;
  readonly muted: MutableRefObject<boolean>;
}

function tickerFor(pairing: ScreenPairing, refs: RunRefs, setLive: (u: (l: Live) => Live) => void) {
  const run = new BirdDogSensorRun({ repsPerSide: 3 });
  const t0 = refs.t0.current!;
  setLive(() => ({ ...IDLE, rep: { n: 0, of: run.segments.filter((s) => s.cue === 'hold').length } }));
  const phoneReading = (now: number) => {
    const session = pairing.getSession();
    const newest = session?.inbox.latest;
    const at = newest ? session!.clock.toScreenMs(newest.tMs) : null;
    return newest && at !== null && now - at <= FRESH_MS ? newest : null;
  };
  const tick = (now: number): boolean => {
    const tMs = now - t0;
    const reading = phoneReading(now);
    const out = run.tick(tMs, reading);
    if (out.segmentChanged) {
      speak(out.segment.say, refs.muted.current);
      if (out.segment.cue === 'settle' && out.segment.rep !== null && out.segment.rep > 0) {
        const outcome = analyseSet(refs.frames.current, []);
        const words = outcome.ok ? lastRepFromCamera(outcome.result) : null;
        setLive((l) => ({ ...l, lastRep: words }));
      }
    }
    if (out.beep) beep(refs.muted.current);
    setLive((l) => ({
      ...l,
      caption: { text: out.segment.say, cue: out.segment.cue, leg: out.segment.leg ?? '' },
      level: out.level,
      beeps: run.beeps,
      rep: out.segment.rep !== null ? { ...l.rep, n: out.segment.rep + 1 } : l.rep,
      phoneSilent: pairing.getSession() !== null && reading === null && tMs > 2000,
    }));
    return out.done;
  };
  return { run, tick };
}

export function useCameraBirdDogRun(pairing: ScreenPairing, onResults: (id: string) => void) {
  const { settings } = useAppData();
  const [stage, setStage] = useState<CameraRunStage>({ kind: 'gate' });
  const [live, setLive] = useState<Live>(IDLE);
  const frames = useRef<FrameResult[]>([]);
  const t0 = useRef<number | null>(null);
  const muted = useRef(settings.muted);
  muted.current = settings.muted;

  const onFrame = useCallback((frame: FrameResult) => {
    if (t0.current !== null) frames.current.push({ ...frame, tMs: frame.tMs - t0.current });
  }, []);

  useEffect(() => {
    if (stage.kind !== 'running') return;
    frames.current = [];
    t0.current = performance.now();
    pairing.getSession()?.setMeasuring(true);
    const { run, tick } = tickerFor(pairing, { frames, t0, muted }, setLive);
    const timer = window.setInterval(() => {
      if (!tick(performance.now())) return;
      window.clearInterval(timer);
      const start = t0.current!;
      t0.current = null;
      pairing.getSession()?.setMeasuring(false);
      setStage({ kind: 'saving' });
      saveSet(frames.current, pairing, start, run).then(
        (r) => (r.ok ? onResults(r.id) : setStage({ kind: 'failed', reason: r.reason })),
        (err) => setStage({ kind: 'failed', reason: isStorageFull(err) ? NOT_SAVED_FULL : NOT_SAVED }),
      );
    }, SAMPLE_INTERVAL_MS);
    return () => {
      window.clearInterval(timer);
      t0.current = null;
      stopSpeaking();
    };
    // The run starts once per 'running' stage; the pairing is read through getSession at each tick.
  }, [stage.kind]);

  const begin = () => {
    unlockAudio();
    setStage({ kind: 'running' });
  };
  return { stage, setStage, live, onFrame, begin };
}
