// The first-run safety gate (rule set A.1): yes/no questions, most serious first, evaluated by
// core's evaluateRedFlags. Emergency and urgent answers block exercise with a clear next step;
// caution lets the person carry on with a note. Also asks the age (for the dose from 65 years).

import { useState, type RefObject } from 'react';
import { RED_FLAG_ITEMS, evaluateRedFlags, type RedFlagItemId } from '@steadyback/core';
import { useAppData } from '../app-data.tsx';
import { db, newId, todayIso } from '../storage/db.ts';
import { Problem } from '../components/common.tsx';
import { useFocusHeading } from './use-focus-heading.tsx';

type Answers = Partial<Record<RedFlagItemId, boolean>>;
type Reason = 'first-run' | 'escalation' | 'periodic';
type Outcome = ReturnType<typeof evaluateRedFlags>;
type ShownOutcome = Extract<Outcome, { ok: true }>;
type RedFlagItem = (typeof RED_FLAG_ITEMS)[number];

function ageProblem(ageYears: number | null): boolean {
  return ageYears !== null && (!Number.isInteger(ageYears) || ageYears < 10 || ageYears > 110);
}

function useSafetyAnswers(reason: Reason, onSubmitted: (() => void) | undefined) {
  const { refresh, updateSettings, settings } = useAppData();
  const [answers, setAnswers] = useState<Answers>({});
  const [age, setAge] = useState(settings.ageYears === null ? '' : String(settings.ageYears));
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = async () => {
    const missing = RED_FLAG_ITEMS.filter((i) => answers[i.id] === undefined);
    if (missing.length > 0) {
      setProblem(`Please answer every question: ${missing.length} ${missing.length === 1 ? 'is' : 'are'} still open.`);
      return;
    }
    const ageText = age.trim();
    const ageYears = ageText === '' ? null : Number(ageText);
    if (ageProblem(ageYears)) {
      setProblem('Please give your age as a whole number of years (10 to 110), or leave it empty.');
      return;
    }
    const result = evaluateRedFlags(answers);
    if (!result.ok) {
      setProblem(result.reason);
      return;
    }
    setProblem(null);
    onSubmitted?.();
    await db.screenings.add({
      id: newId('screening'),
      dateIso: todayIso(),
      answers: answers as Record<string, boolean>,
      outcome: result.tier,
      reason,
    });
    await updateSettings({ ageYears, programmeStartIso: settings.programmeStartIso ?? todayIso() });
    await refresh();
    setOutcome(result);
  };
  return { answers, setAnswers, age, setAge, problem, outcome, submit };
}

function SafetyOutcome({
  outcome,
  headingRef,
  onDone,
}: {
  readonly outcome: ShownOutcome;
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  readonly onDone: () => void;
}) {
  const blocked = !outcome.mayExercise;
  return (
    <section className="screen" aria-labelledby="safety-result-title">
      <h1 id="safety-result-title" ref={headingRef} tabIndex={-1} className={blocked ? 'alarm' : undefined}>
        {outcome.title}
      </h1>
      <div
        className={blocked ? 'problem' : 'promise'}
        role={blocked ? 'alert' : 'status'}
        data-testid="safety-outcome"
        data-tier={outcome.tier}
      >
        <p>{outcome.message}</p>
      </div>
      {blocked ? (
        <>
          <p>
            The exercises stay locked while this is open. When a doctor has checked you and said exercise is fine, you
            can answer the questions again from the start screen.
          </p>
          <div className="actions">
            <button type="button" className="button secondary" onClick={onDone}>
              Back to start
            </button>
          </div>
        </>
      ) : (
        <div className="actions">
          <button type="button" className="button primary" onClick={onDone}>
            Continue
          </button>
        </div>
      )}
    </section>
  );
}

function RedFlagQuestion({
  item,
  n,
  answer,
  onAnswer,
}: {
  readonly item: RedFlagItem;
  readonly n: number;
  readonly answer: boolean | undefined;
  readonly onAnswer: (yes: boolean) => void;
}) {
  return (
    <fieldset className="question" data-testid={`q-${item.id}`}>
      <legend>
        {n + 1}. {item.question}
      </legend>
      <label className="choice">
        <input type="radio" name={item.id} checked={answer === true} onChange={() => onAnswer(true)} />
        Yes
      </label>
      <label className="choice">
        <input type="radio" name={item.id} checked={answer === false} onChange={() => onAnswer(false)} />
        No
      </label>
    </fieldset>
  );
}

function SafetyForm({ s }: { readonly s: ReturnType<typeof useSafetyAnswers> }) {
  const { answers, setAnswers, age, setAge, problem, submit } = s;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {RED_FLAG_ITEMS.map((item, n) => (
        <RedFlagQuestion
          key={item.id}
          item={item}
          n={n}
          answer={answers[item.id]}
          onAnswer={(yes) => setAnswers((a) => ({ ...a, [item.id]: yes }))}
        />
      ))}
      <label className="field">
        Your age in years (optional; from 65 the stretch dose changes)
        <input inputMode="numeric" value={age} onChange={(e) => setAge(e.target.value)} aria-describedby="age-note" />
      </label>
      <p id="age-note" className="meta">
        Kept on this device only.
      </p>
      {problem && <Problem>{problem}</Problem>}
      <div className="actions">
        <button type="submit" className="button primary">
          See what this means
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => setAnswers(Object.fromEntries(RED_FLAG_ITEMS.map((i) => [i.id, false])))}
        >
          None of these apply to me
        </button>
      </div>
    </form>
  );
}

export function SafetyScreen({
  reason,
  onDone,
  onSubmitted,
}: {
  readonly reason: Reason;
  readonly onDone: () => void;
  /** Called once the answers are saved, before the app's data refreshes (the outcome is shown next). */
  readonly onSubmitted?: () => void;
}) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const s = useSafetyAnswers(reason, onSubmitted);

  if (s.outcome?.ok) return <SafetyOutcome outcome={s.outcome} headingRef={heading} onDone={onDone} />;

  return (
    <section className="screen" aria-labelledby="safety-title">
      <h1 id="safety-title" ref={heading} tabIndex={-1}>
        {reason === 'escalation' ? 'Some questions again, to be safe' : 'A few safety questions first'}
      </h1>
      <p className="lead">
        Most back pain is not serious. A few signs need a doctor before any exercise, so we ask about them first. Answer
        for how things are now.
      </p>
      <SafetyForm s={s} />
    </section>
  );
}
