// "I already stretch my back": which back stretches the person does now, whether stretching makes
// the back hurt more, and, from core's plan rules (rule set F), which ones to swap for the hip
// stretch and why, each with its reason and source. Worded as a preference, never a prohibition.

import { useState, type Dispatch, type SetStateAction } from 'react';
import { BACK_STRETCH_NAMES, buildWeeklyPlan, type BackStretchId, type StretchSwap } from '@steadyback/core';
import { useAppData } from '../app-data.tsx';
import { todayIso } from '../storage/db.ts';
import { BackToStart } from '../components/common.tsx';
import { useFocusHeading } from './use-focus-heading.tsx';

function StretchesQuestion({
  chosen,
  setChosen,
}: {
  readonly chosen: BackStretchId[];
  readonly setChosen: Dispatch<SetStateAction<BackStretchId[]>>;
}) {
  return (
    <fieldset className="question">
      <legend>Which of these do you do now?</legend>
      {(Object.keys(BACK_STRETCH_NAMES) as BackStretchId[]).map((id) => (
        <label key={id} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(id)}
            onChange={(e) => setChosen((c) => (e.target.checked ? [...c, id] : c.filter((x) => x !== id)))}
          />
          {BACK_STRETCH_NAMES[id][0]!.toUpperCase() + BACK_STRETCH_NAMES[id].slice(1)}
        </label>
      ))}
    </fieldset>
  );
}

function HurtsQuestion({
  hurts,
  setHurts,
}: {
  readonly hurts: boolean | null;
  readonly setHurts: (h: boolean) => void;
}) {
  return (
    <fieldset className="question">
      <legend>Does your back hurt more after you stretch it?</legend>
      <label className="choice">
        <input type="radio" name="hurts" checked={hurts === true} onChange={() => setHurts(true)} /> Yes
      </label>
      <label className="choice">
        <input type="radio" name="hurts" checked={hurts === false} onChange={() => setHurts(false)} /> No
      </label>
    </fieldset>
  );
}

function Swaps({ swaps, onStretch }: { readonly swaps: StretchSwap[]; readonly onStretch: () => void }) {
  return (
    <div data-testid="swaps">
      {swaps.length === 0 ? (
        <p>Nothing to swap: keep doing what feels good, and add the hip stretch if your hips feel tight.</p>
      ) : (
        swaps.map((s) => (
          <div key={s.stretch} className="side-card">
            <h2>{s.suggestion}</h2>
            <p>{s.reason}</p>
            <p className="meta">Source: {s.source}</p>
          </div>
        ))
      )}
      <button type="button" className="button primary" onClick={onStretch}>
        Try the hip flexor stretch
      </button>
    </div>
  );
}

export function WhyHipsScreen({ onBack, onStretch }: { readonly onBack: () => void; readonly onStretch: () => void }) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const { settings, screening, updateSettings } = useAppData();
  const [chosen, setChosen] = useState<BackStretchId[]>(settings.backStretches);
  const [hurts, setHurts] = useState<boolean | null>(settings.hurtsMoreAfterStretching);
  const [swaps, setSwaps] = useState<StretchSwap[] | null>(null);

  const show = async () => {
    await updateSettings({ backStretches: chosen, hurtsMoreAfterStretching: hurts });
    const plan = buildWeeklyPlan({
      todayIso: todayIso(),
      profile: { ageYears: settings.ageYears },
      safety: { redFlagTier: screening?.outcome ?? 'clear', painNowNrs: 0 },
      birdDogTests: [],
      symptoms: { hurtsMoreAfterStretching: hurts ?? false, backStretches: chosen },
    });
    setSwaps(plan.ok ? plan.plan.swaps : []);
  };

  return (
    <section className="screen" aria-labelledby="why-title">
      <h1 id="why-title" ref={heading} tabIndex={-1}>
        Why stretch the hips instead?
      </h1>
      <p className="lead">
        When the hips are tight, bending and twisting tends to happen in the lower back instead, which can leave it
        sore. A back that moves too easily does not need more stretching; it needs to learn to stay steady, while the
        hips get the stretch.
      </p>
      <p>
        The half-kneeling hip flexor stretch keeps the lower back still and opens the front of the hip. Done gently, it
        is felt only at the front of the hip, never as a pull in the lower back.
      </p>
      <StretchesQuestion chosen={chosen} setChosen={setChosen} />
      <HurtsQuestion hurts={hurts} setHurts={setHurts} />
      <div className="actions">
        <button type="button" className="button primary" onClick={() => void show()}>
          What do you suggest?
        </button>
      </div>
      {swaps !== null && <Swaps swaps={swaps} onStretch={onStretch} />}
      <BackToStart onBack={onBack} />
    </section>
  );
}
