// The bird-dog test with the phone as a level on the lower back (DESIGN.md 3b): pain-now gate, a
// picture of where the phone goes, motion permission (iOS needs the tap), then the spoken pacing
// with captions, a live level gauge and beeps when the pelvis rolls past the band. Samples are
// saved every second, so a reload or crash keeps what was measured; the end result is core's
// bird-dog analysis, stored as a record.

import { pelvicRollBand } from '@steadyback/core';
import { PainNowGate } from '../components/pain-now.tsx';
import { PhoneOnBackPicture } from '../components/pictures.tsx';
import type { Level } from '../sensor/bird-dog-run.ts';
import { UnfinishedTest } from './unfinished-test.tsx';
import { MuteToggle, Problem } from '../components/common.tsx';
import { useFocusHeading } from './use-focus-heading.tsx';
import { useBirdDogRun, type BirdDogCaption } from './use-bird-dog-run.ts';
import { storageFullWhileRunning } from '../storage/storage-full.ts';

function BirdDogIntro({ problem, onBegin }: { readonly problem: string | null; readonly onBegin: () => void }) {
  return (
    <>
      <PhoneOnBackPicture />
      <ol className="steps">
        <li>Kneel on all fours on the floor: hands under your shoulders, knees under your hips.</li>
        <li>
          Lay your phone flat on your lower back, just above your bottom, screen up, top of the phone toward your head.
        </li>
        <li>Leave the sound on: the phone tells you when to reach, counts the hold, and beeps if your hips tip.</li>
      </ol>
      <p>
        The phone works like a spirit level on your back: it feels whether your pelvis rolls or tips while you reach
        your arm and leg. Nothing is recorded except these tilt numbers.
      </p>
      {problem && <Problem>{problem}</Problem>}
      <MuteToggle label="Mute voice and beeps (captions stay on)" />
      <div className="actions">
        <button type="button" className="button primary" onClick={onBegin}>
          Start the test
        </button>
      </div>
    </>
  );
}

export function LevelGauge({ level, beeps }: { readonly level: Level | null; readonly beeps: number }) {
  const band = level === null ? 'none' : pelvicRollBand(level.rollDeg);
  return (
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
  );
}

/** The pacing cue playing (its words, and the cue and leg for tests and screen readers) and the rep count. */
export function PacingCaption({
  caption,
  rep,
  of,
}: {
  readonly caption: BirdDogCaption;
  readonly rep: number;
  readonly of: number;
}) {
  return (
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
        Rep {rep} of {of}
      </p>
    </>
  );
}

function RunningView({
  caption,
  progress,
  level,
  beeps,
  silent,
  storageFullAfterMs,
}: {
  readonly caption: BirdDogCaption;
  readonly progress: { rep: number; of: number };
  readonly level: Level | null;
  readonly beeps: number;
  readonly silent: boolean;
  readonly storageFullAfterMs: number | null;
}) {
  return (
    <>
      <PacingCaption caption={caption} rep={progress.rep} of={progress.of} />
      <LevelGauge level={level} beeps={beeps} />
      {silent && (
        <p className="problem" role="alert">
          The phone stopped sending its tilt. Keep the screen on and the app open; the reps without readings will show
          as not measured.
        </p>
      )}
      {storageFullAfterMs !== null && (
        <p className="problem" role="alert" data-testid="storage-full">
          {storageFullWhileRunning(storageFullAfterMs)}
        </p>
      )}
      <MuteToggle />
    </>
  );
}

export function BirdDogScreen({
  onResults,
  onBack,
}: {
  readonly onResults: (id: string) => void;
  readonly onBack: () => void;
}) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const { stage, setStage, caption, level, beeps, progress, silent, storageFullAfterMs, begin } =
    useBirdDogRun(onResults);

  return (
    <section className="screen" aria-labelledby="bd-title">
      <h1 id="bd-title" ref={heading} tabIndex={-1}>
        Bird-dog test with your phone
      </h1>
      {stage.kind === 'gate' && <UnfinishedTest onResults={onResults} />}
      {stage.kind === 'gate' && <PainNowGate forTest onResult={() => setStage({ kind: 'intro', problem: null })} />}
      {stage.kind === 'intro' && <BirdDogIntro problem={stage.problem} onBegin={() => void begin()} />}
      {stage.kind === 'running' && (
        <RunningView
          caption={caption}
          progress={progress}
          level={level}
          beeps={beeps}
          silent={silent}
          storageFullAfterMs={storageFullAfterMs}
        />
      )}
      {stage.kind === 'saving' && <p role="status">Working out your results…</p>}
      {stage.kind === 'failed' && <Problem testId="bird-dog-failed">{stage.reason}</Problem>}
      <div className="actions">
        <button type="button" className="button secondary" onClick={onBack}>
          {stage.kind === 'running' ? 'Stop and go back' : 'Back to start'}
        </button>
      </div>
    </section>
  );
}
