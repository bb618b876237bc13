// The bird-dog result in plain words: the overall answer, each side, each rep's pelvic roll as a
// bar (green/amber/red bands of rule R1), and what could not be measured and why.

import { useEffect, useState } from 'react';
import { BIRD_DOG_THRESHOLDS, PLAN_DISCLAIMER, type BirdDogTestRecord } from '@steadyback/core';
import { db } from '../storage/db.ts';
import { useFocusHeading } from './use-focus-heading.tsx';

const VERDICT_WORDS: Record<NonNullable<BirdDogTestRecord['overall']>['verdict'], string> = {
  negative: 'Your lower back stayed steady',
  'positive-mild': 'Your lower back moved a little too easily',
  positive: 'Your lower back moved too easily',
  'not-measurable': 'We could not measure this test',
};

const SIDE_WORDS = {
  positive: 'moved too easily',
  negative: 'stayed steady',
  'not-measurable': 'not measurable',
} as const;

function RollBars({ reps }: { readonly reps: BirdDogTestRecord['reps'] }) {
  const measured = reps.filter((r) => r.rollDeg !== null);
  if (measured.length === 0) return null;
  const max = Math.max(15, ...measured.map((r) => Math.abs(r.rollDeg!)));
  const w = 300,
    h = 140,
    bar = Math.min(36, (w - 20) / reps.length - 6);
  const y = (v: number) => h - 20 - (v / max) * (h - 40);
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={`Pelvic roll per rep: ${measured.map((r) => `${r.leg} leg ${Math.abs(r.rollDeg!).toFixed(0)} degrees`).join(', ')}`}
    >
      <line
        x1="10"
        x2={w - 10}
        y1={y(BIRD_DOG_THRESHOLDS.R1_ROLL_AMBER_DEG)}
        y2={y(BIRD_DOG_THRESHOLDS.R1_ROLL_AMBER_DEG)}
        stroke="#c08000"
        strokeDasharray="4 4"
      />
      <line
        x1="10"
        x2={w - 10}
        y1={y(BIRD_DOG_THRESHOLDS.R1_ROLL_RED_DEG)}
        y2={y(BIRD_DOG_THRESHOLDS.R1_ROLL_RED_DEG)}
        stroke="#b3261e"
        strokeDasharray="4 4"
      />
      {reps.map((r, i) => {
        const v = r.rollDeg === null ? 0 : Math.abs(r.rollDeg);
        const colour =
          v >= BIRD_DOG_THRESHOLDS.R1_ROLL_RED_DEG
            ? '#b3261e'
            : v >= BIRD_DOG_THRESHOLDS.R1_ROLL_AMBER_DEG
              ? '#c08000'
              : '#0b6e4f';
        const x = 16 + i * (bar + 6);
        return (
          <g key={r.index}>
            <rect
              x={x}
              y={y(v)}
              width={bar}
              height={h - 20 - y(v)}
              fill={r.rollDeg === null ? 'none' : colour}
              stroke={colour}
            />
            <text x={x + bar / 2} y={h - 5} fontSize="11" textAnchor="middle" fill="currentColor">
              {r.leg === 'left' ? 'L' : 'R'}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

type Sides = NonNullable<BirdDogTestRecord['sides']>;

/** Each rep's measurements, each column saying what measured it; a cell with no source says what it needs. */
function RepTable({ record }: { readonly record: BirdDogTestRecord }) {
  if (record.reps.length === 0) return null;
  const { camera, sensor } = record.sources;
  const sideView = record.view === 'side';
  const deg = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${v.toFixed(0)}°`);
  return (
    <table className="rep-table" data-testid="rep-table">
      <caption>Each rep, and what measured it</caption>
      <thead>
        <tr>
          <th scope="col">Rep</th>
          <th scope="col">Pelvic roll (phone)</th>
          <th scope="col">Leg height (camera)</th>
          <th scope="col">Trunk sag (camera)</th>
        </tr>
      </thead>
      <tbody>
        {record.reps.map((r) => (
          <tr
            key={r.index}
            data-roll={r.rollDeg ?? ''}
            data-roll-source={r.rollSource ?? ''}
            data-leg-line={r.legElevationDeg ?? ''}
          >
            <th scope="row">
              {r.index + 1}, {r.leg} leg
            </th>
            <td>{sensor ? deg(r.rollDeg) : 'needs the phone on your lower back'}</td>
            <td>{camera && sideView ? deg(r.legElevationDeg) : 'needs the camera at your side'}</td>
            <td>
              {camera && sideView
                ? r.trunkSag === null || r.trunkSag === undefined
                  ? '–'
                  : r.trunkSag > BIRD_DOG_THRESHOLDS.R5_AMBER
                    ? 'sagged'
                    : 'flat'
                : 'needs the camera at your side'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SideCard({
  s,
  side,
  bySensor,
}: {
  readonly s: 'left' | 'right';
  readonly side: Sides['left'];
  readonly bySensor: boolean;
}) {
  return (
    <div
      className="side-card"
      data-testid={`side-${s}`}
      data-verdict={side.verdict}
      data-max-roll={side.maxRollDeg ?? ''}
    >
      <h2>Lifting your {s} leg</h2>
      <p>
        <strong>{SIDE_WORDS[side.verdict]}</strong>
        {side.maxRollDeg !== null && <>: the pelvis rolled up to {side.maxRollDeg.toFixed(0)} degrees</>}
      </p>
      <p className="meta">
        {side.reps} reps, {side.unstableReps} unsteady.{' '}
        {bySensor
          ? 'Pelvic roll measured by the phone on your back.'
          : 'Pelvic roll needs the phone on your lower back: the camera alone does not judge it.'}
      </p>
    </div>
  );
}

function NotMeasured({ items }: { readonly items: BirdDogTestRecord['notMeasurable'] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h2>Not measured in this test</h2>
      <ul>
        {items.map((n) => (
          <li key={n.rule}>{n.reason}</li>
        ))}
      </ul>
    </>
  );
}

function ResultActions({ onHome, onStretch }: { readonly onHome: () => void; readonly onStretch: () => void }) {
  return (
    <div className="actions">
      <button type="button" className="button primary" onClick={onStretch}>
        Next: the hip flexor stretch
      </button>
      <button type="button" className="button secondary" onClick={onHome}>
        Back to start
      </button>
    </div>
  );
}

export function BirdDogResults({
  id,
  onHome,
  onStretch,
}: {
  readonly id: string;
  readonly onHome: () => void;
  readonly onStretch: () => void;
}) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const [record, setRecord] = useState<BirdDogTestRecord | null | undefined>(undefined);
  useEffect(() => {
    void db.birdDogTests.get(id).then((r) => setRecord(r ?? null));
  }, [id]);
  if (record === undefined) return <p role="status">Loading your result…</p>;
  if (record === null || !record.overall || !record.sides) {
    return (
      <section className="screen">
        <h1 ref={heading} tabIndex={-1}>
          Result not found
        </h1>
        <p>This test has no result on this device. It may have been cut short before any rep was measured.</p>
        <button type="button" className="button" onClick={onHome}>
          Back to start
        </button>
      </section>
    );
  }
  const sides = record.sides;
  return (
    <section className="screen" aria-labelledby="bdr-title">
      <h1
        id="bdr-title"
        ref={heading}
        tabIndex={-1}
        data-testid="bird-dog-verdict"
        data-verdict={record.overall.verdict}
      >
        {VERDICT_WORDS[record.overall.verdict]}
      </h1>
      <p className="lead">{record.overall.summary}</p>
      <div className="sides">
        {(['left', 'right'] as const).map((s) => (
          <SideCard key={s} s={s} side={sides[s]} bySensor={record.sources.sensor} />
        ))}
      </div>
      <RollBars reps={record.reps} />
      <RepTable record={record} />
      <h2>What this means</h2>
      {record.explanation.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
      <NotMeasured items={record.notMeasurable} />
      <p className="meta">{PLAN_DISCLAIMER}</p>
      <ResultActions onHome={onHome} onStretch={onStretch} />
    </section>
  );
}
