// Today's "pain right now" gate (rule set A.2) before any exercise: 8+ rest today, 6-7 easier
// versions only (no test), up to 5 go ahead. The answer becomes today's resting pain (B).

import { useState, type ReactNode } from 'react';
import { evaluatePainNow, type PainNowEvaluation } from '@steadyback/core';
import { db, newId, painDayFor, todayIso } from '../storage/db.ts';
import { NrsButtons } from './nrs-buttons.tsx';

/** Before a test (`forTest`), carrying on needs core's `mayTest`; before an exercise, `mayExercise`. */
export function PainNowGate({
  onResult,
  forTest = false,
}: {
  readonly onResult: (e: PainNowEvaluation) => void;
  readonly forTest?: boolean;
}) {
  const [value, setValue] = useState<number | null>(null);
  const [evaluation, setEvaluation] = useState<PainNowEvaluation | null>(null);
  const choose = async (n: number) => {
    setValue(n);
    const e = evaluatePainNow(n);
    if (!e.ok) return;
    const today = todayIso();
    const day = await painDayFor(today);
    if (day) await db.painDays.update(day.id, { restNrs: n });
    else
      await db.painDays.add({
        id: newId('pain'),
        dateIso: today,
        restNrs: n,
        peakNrs: null,
        morningNrs: null,
        settledWithin24h: null,
        newSymptomBelowKnee: false,
      });
    setEvaluation(e);
  };
  return (
    <div className="gate">
      <NrsButtons
        name="pain-now"
        label="How much does your back hurt right now?"
        low="no pain"
        high="worst pain imaginable"
        value={value}
        onChoose={(n) => void choose(n)}
      />
      {evaluation && (
        <PainNowResult evaluation={evaluation} allowed={forTest ? evaluation.mayTest : evaluation.mayExercise}>
          <button type="button" className="button primary" onClick={() => onResult(evaluation)}>
            Carry on
          </button>
        </PainNowResult>
      )}
    </div>
  );
}

function PainNowResult({
  evaluation,
  allowed,
  children,
}: {
  readonly evaluation: PainNowEvaluation;
  readonly allowed: boolean;
  readonly children: ReactNode;
}) {
  return (
    <div
      className={allowed ? 'promise' : 'problem'}
      role="status"
      data-testid="pain-now-result"
      data-band={evaluation.band}
      data-allowed={allowed}
    >
      <h2>{evaluation.title}</h2>
      <p>{evaluation.message}</p>
      {allowed && children}
    </div>
  );
}
