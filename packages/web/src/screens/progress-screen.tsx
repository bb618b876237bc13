// Progress: the plan this week (every recommendation with its reason and source), the "see a
// physical therapist or doctor" screen when the pain rules say so, the charts (pelvic roll per side,
// pain before/during/next morning, good-form seconds, depth against the cap, usual pain, sessions per
// week), the usual-pain and PEG-3 check-in, and the reports to hand a physical therapist.
// Everything comes from core's report model over the stored records.

import { useEffect, useState } from 'react';
import {
  PEG3_ITEMS,
  fhirBundle,
  reportCsv,
  reportModel,
  scorePeg3,
  type Peg3Answers,
  type ReportModel,
} from '@steadyback/core';
import { NrsButtons } from '../components/nrs-buttons.tsx';
import { Chart } from '../components/chart.tsx';
import { db, exportAll, newId, todayIso } from '../storage/db.ts';
import { BackToStart } from '../components/common.tsx';
import { useFocusHeading } from './use-focus-heading.tsx';
import { downloadFile, reportPdfBytes } from './report-files.ts';

type Plan = NonNullable<ReportModel['plan']>;

function Escalation({ model, onEscalate }: { readonly model: ReportModel; readonly onEscalate: () => void }) {
  if (!model.escalation?.escalate) return null;
  return (
    <div className="problem" role="alert" data-testid="escalation">
      <h2>Please see a physical therapist or doctor</h2>
      <p>{model.escalation.message}</p>
      <ul>
        {model.escalation.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {model.escalation.rerunRedFlags && (
        <button type="button" className="button primary" onClick={onEscalate}>
          Answer the safety questions again
        </button>
      )}
    </div>
  );
}

function PlanCards({ plan }: { readonly plan: Plan }) {
  return (
    <>
      {plan.stability && (
        <div className="side-card">
          <h3>{plan.stability.name}</h3>
          <p>
            {plan.stability.repsPerSide} per side, {plan.stability.rounds} rounds, holds of {plan.stability.holdSeconds}{' '}
            s, {plan.stability.daysPerWeek} days a week. {plan.stability.howTo}
          </p>
          <p className="meta">
            Why: {plan.stability.reason} (Source: {plan.stability.source})
          </p>
        </div>
      )}
      {plan.hipStretch && (
        <div className="side-card">
          <h3>{plan.hipStretch.name}</h3>
          <p>
            {plan.hipStretch.setsPerSide} x {plan.hipStretch.holdSeconds} s per side, at least{' '}
            {plan.hipStretch.daysPerWeekMin} days a week.
          </p>
          <p className="meta">
            Why: {plan.hipStretch.reason} (Source: {plan.hipStretch.source})
          </p>
        </div>
      )}
    </>
  );
}

function PlanSection({ plan }: { readonly plan: Plan }) {
  return (
    <div data-testid="plan" data-status={plan.status}>
      <p>
        <strong>{plan.headline.title}.</strong> {plan.headline.message}
      </p>
      <PlanCards plan={plan} />
      {plan.changes.length > 0 && (
        <>
          <h3>How the plan changed</h3>
          <ul data-testid="plan-changes">
            {plan.changes.map((c, i) => (
              <li key={i}>
                {c.dateIso}: {c.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function useCheckIn(onSaved: () => void) {
  const [usual, setUsual] = useState<number | null>(null);
  const [peg, setPeg] = useState<Partial<Peg3Answers>>({});
  const [checkMessage, setCheckMessage] = useState<string | null>(null);
  const saveCheck = async () => {
    if (usual === null) {
      setCheckMessage('Please choose how much your back usually hurts, 0 to 10.');
      return;
    }
    const answers = { ...peg, pain: usual };
    const full = PEG3_ITEMS.every((i) => answers[i.id] !== undefined);
    const scored = full ? scorePeg3(answers) : null;
    if (scored && !scored.ok) {
      setCheckMessage(scored.reason);
      return;
    }
    await db.outcomeChecks.add({
      id: newId('outcome'),
      dateIso: todayIso(),
      usualPainNrs: usual,
      peg3: full ? (answers as Peg3Answers) : null,
    });
    setCheckMessage('Saved. Thank you.');
    setUsual(null);
    setPeg({});
    onSaved();
  };
  return { usual, setUsual, peg, setPeg, checkMessage, saveCheck };
}

function CheckIn({ onSaved }: { readonly onSaved: () => void }) {
  const { usual, setUsual, peg, setPeg, checkMessage, saveCheck } = useCheckIn(onSaved);
  return (
    <>
      <h2>Check-in: your usual pain</h2>
      <p>Every two weeks, how your back has been lately tells us whether things are getting better.</p>
      <NrsButtons
        name="usual"
        label="Over the last week, how much has your back usually hurt?"
        low="no pain"
        high="worst pain imaginable"
        value={usual}
        onChoose={setUsual}
      />
      {PEG3_ITEMS.filter((item) => item.id !== 'pain').map((item) => (
        <NrsButtons
          key={item.id}
          name={`peg-${item.id}`}
          label={item.label}
          low={item.low}
          high={item.high}
          value={peg[item.id] ?? null}
          onChoose={(n) => setPeg((p) => ({ ...p, [item.id]: n }))}
        />
      ))}
      <div className="actions">
        <button type="button" className="button primary" onClick={() => void saveCheck()}>
          Save the check-in
        </button>
      </div>
      {checkMessage && <p role="status">{checkMessage}</p>}
    </>
  );
}

function ReportDownloads({ model }: { readonly model: ReportModel }) {
  const stamp = model.todayIso;
  return (
    <div className="actions">
      <button
        type="button"
        className="button"
        onClick={() =>
          void reportPdfBytes(model).then((b) => downloadFile(b, `steadyback-report-${stamp}.pdf`, 'application/pdf'))
        }
      >
        Download the PDF
      </button>
      <button
        type="button"
        className="button"
        onClick={() => downloadFile(reportCsv(model), `steadyback-${stamp}.csv`, 'text/csv')}
      >
        Download the CSV
      </button>
      <button
        type="button"
        className="button"
        onClick={() =>
          downloadFile(
            JSON.stringify(fhirBundle(model), null, 2),
            `steadyback-fhir-${stamp}.json`,
            'application/fhir+json',
          )
        }
      >
        Download the FHIR file
      </button>
    </div>
  );
}

export function ProgressScreen({
  onBack,
  onEscalate,
}: {
  readonly onBack: () => void;
  readonly onEscalate: () => void;
}) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const [model, setModel] = useState<ReportModel | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void exportAll(todayIso()).then((doc) => setModel(reportModel(doc, todayIso())));
  }, [version]);

  if (!model) return <p role="status">Working out your progress…</p>;
  return (
    <section className="screen" aria-labelledby="progress-title">
      <h1 id="progress-title" ref={heading} tabIndex={-1}>
        Your progress and plan
      </h1>
      <Escalation model={model} onEscalate={onEscalate} />
      <h2>This week</h2>
      {model.plan ? <PlanSection plan={model.plan} /> : <p>{model.planProblem}</p>}
      {model.nprs && (
        <p data-testid="nprs">
          Usual pain {model.nprs.startNrs} → {model.nprs.currentNrs}: {model.nprs.message}
        </p>
      )}
      <h2>Charts</h2>
      <div className="charts">
        {model.charts.map((c) => (
          <Chart key={c.id} spec={c} />
        ))}
      </div>
      <CheckIn onSaved={() => setVersion((v) => v + 1)} />
      <h2>For your physical therapist</h2>
      <p>
        A one-page summary (PDF), the numbers as a spreadsheet (CSV), or a FHIR file for clinic systems. Made on this
        device.
      </p>
      <ReportDownloads model={model} />
      <p className="meta">{model.disclaimer}</p>
      <BackToStart onBack={onBack} />
    </section>
  );
}
