// The bird-dog test with the phone as a level on the lower back (DESIGN.md 3b): pain-now gate, a
// picture of where the phone goes, motion permission (iOS needs the tap), then the spoken pacing
// with captions, a live level gauge and beeps when the pelvis rolls past the band. Samples are
// saved every second, so a reload or crash keeps what was measured; the end result is core's
// bird-dog analysis, stored as a record.

import { useRef, useState } from 'react';
import { pelvicRollBand, type SensorSample } from '@steadyback/core';
import { PainNowGate } from '../components/pain-now.tsx';
import { PhoneOnBackPicture } from '../components/pictures.tsx';
import { useAppData } from '../app-data.tsx';
import { BEEP_ROLL_DEG, BirdDogSensorRun, analyseSamples, type Level } from '../sensor/bird-dog-run.ts';
import { motionProblem, requestOrientationPermission } from '../sensor/orientation-feed.ts';
import { usePhoneClock } from '../sensor/use-phone-clock.ts';
import { db, newId, todayIso } from '../storage/db.ts';
import { beep, speak, unlockAudio } from '../voice/coach-voice.ts';
import { UnfinishedTest } from './unfinished-test.tsx';
import { finishTest, flattenSamples } from '../sensor/bird-dog-session.ts';
import { MuteToggle, Problem } from '../components/common.tsx';
import { useFocusHeading } from './use-focus-heading.tsx';

type Stage =
  | { kind: 'gate' }
  | { kind: 'intro'; problem: string | null }
  | { kind: 'running' }
  | { kind: 'saving' }
  | { kind: 'failed'; reason: string };

export function BirdDogScreen({
  onResults,
  onBack,
}: {
  readonly onResults: (id: string) => void;
  readonly onBack: () => void;
}) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const { settings } = useAppData();
  const [stage, setStage] = useState<Stage>({ kind: 'gate' });
  const [caption, setCaption] = useState<{ text: string; cue: string; leg: string }>({ text: '', cue: '', leg: '' });
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

  // The run: a 50 Hz clock samples the newest reading; segments are spoken as they start.
  usePhoneClock(stage.kind === 'running', () => {
    const run = new BirdDogSensorRun({ repsPerSide: 3 });
    setProgress({ rep: 0, of: run.segments.filter((s) => s.cue === 'hold').length });
    const testId = newId('birddog');
    let lastSave = 0;
    void db.birdDogTests.put({
      id: testId,
      dateIso: todayIso(),
      status: 'in-progress',
      sources: { camera: false, sensor: true },
      view: 'none',
      overall: null,
      sides: null,
      reps: [],
      explanation: [],
      notMeasurable: [],
    });
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
  });

  const band = level === null ? 'none' : pelvicRollBand(level.rollDeg);

  return (
    <section className="screen" aria-labelledby="bd-title">
      <h1 id="bd-title" ref={heading} tabIndex={-1}>
        Bird-dog test with your phone
      </h1>
      {stage.kind === 'gate' && <UnfinishedTest onResults={onResults} />}
      {stage.kind === 'gate' && (
        <PainNowGate onResult={(e) => (e.mayTest ? setStage({ kind: 'intro', problem: null }) : onBack())} />
      )}
      {stage.kind === 'intro' && (
        <>
          <PhoneOnBackPicture />
          <ol className="steps">
            <li>Kneel on all fours on the floor: hands under your shoulders, knees under your hips.</li>
            <li>
              Lay your phone flat on your lower back, just above your bottom, screen up, top of the phone toward your
              head.
            </li>
            <li>Leave the sound on: the phone tells you when to reach, counts the hold, and beeps if your hips tip.</li>
          </ol>
          <p>
            The phone works like a spirit level on your back: it feels whether your pelvis rolls or tips while you reach
            your arm and leg. Nothing is recorded except these tilt numbers.
          </p>
          {stage.problem && <Problem>{stage.problem}</Problem>}
          <MuteToggle label="Mute voice and beeps (captions stay on)" />
          <div className="actions">
            <button type="button" className="button primary" onClick={() => void begin()}>
              Start the test
            </button>
          </div>
        </>
      )}
      {stage.kind === 'running' && (
        <>
          <p
            className="caption"
            role="status"
            aria-live="assertive"
            data-testid="caption"
            data-cue={caption.cue}
            data-leg={caption.leg}
          >
            {caption.text}
          </p>
          <p className="meta" data-testid="rep-progress">
            Rep {progress.rep} of {progress.of}
          </p>
          <div
            className={`level level-${band}`}
            data-testid="level"
            data-roll={level ? level.rollDeg.toFixed(1) : ''}
            data-beeps={beeps}
          >
            <div className="level-track" aria-hidden="true">
              <div
                className="level-bubble"
                style={{ left: `${50 + Math.max(-45, Math.min(45, (level?.rollDeg ?? 0) * 3))}%` }}
              />
            </div>
            <p>
              {level === null
                ? 'Hold still while the phone finds level.'
                : Math.abs(level.rollDeg) < 1
                  ? 'Hips level'
                  : `${level.rollDeg > 0 ? 'Right' : 'Left'} hip lower by ${Math.abs(level.rollDeg).toFixed(0)} degrees`}
            </p>
          </div>
          {silent && (
            <p className="problem" role="alert">
              The phone stopped sending its tilt. Keep the screen on and the app open; the reps without readings will
              show as not measured.
            </p>
          )}
          <MuteToggle />
        </>
      )}
      {stage.kind === 'saving' && <p role="status">Working out your results…</p>}
      {stage.kind === 'failed' && <Problem>{stage.reason}</Problem>}
      <div className="actions">
        <button type="button" className="button secondary" onClick={onBack}>
          {stage.kind === 'running' ? 'Stop and go back' : 'Back to start'}
        </button>
      </div>
    </section>
  );
}
