// The start screen: the privacy promise, the morning check-in when one is due, an unfinished test
// to pick up, and the ways in: the bird-dog test, the hip stretch, the camera check, why hips
// instead of the back, and your data. Exercise stays locked while the safety answers say so.

import { useEffect, useState } from 'react';
import { PLAN_DISCLAIMER, RED_FLAG_TEXT, type BirdDogTestRecord } from '@steadyback/core';
import { mayExercise, useAppData } from '../app-data.tsx';
import { db } from '../storage/db.ts';
import { UnfinishedTest } from './unfinished-test.tsx';
import { MorningCheck } from './morning-check.tsx';
import { useFocusHeading } from './use-focus-heading.tsx';
import type { Route } from '../routes.ts';

function PrivacyPromise() {
  return (
    <div className="promise" role="note" aria-label="Privacy promise">
      <h2>Your video never leaves this device</h2>
      <p>
        The camera picture is looked at right here, in this browser. Nothing is uploaded and no video is saved. Only the
        numbers about your movement are kept, on this device.
      </p>
    </div>
  );
}

function Menu({ go, allowed }: { readonly go: (route: Route, id?: string) => void; readonly allowed: boolean }) {
  return (
    <div className="menu">
      <button type="button" className="button primary" disabled={!allowed} onClick={() => go('bird-dog')}>
        Bird-dog test (phone on your back)
      </button>
      <button type="button" className="button primary" disabled={!allowed} onClick={() => go('bird-dog-camera')}>
        Bird-dog test with the camera (a phone on your back if you have one)
      </button>
      <button type="button" className="button primary" disabled={!allowed} onClick={() => go('stretch')}>
        Hip flexor stretch (camera or phone)
      </button>
      <button type="button" className="button" onClick={() => go('camera')}>
        Camera check
      </button>
      <button type="button" className="button" onClick={() => go('why-hips')}>
        I already stretch my back
      </button>
      <button type="button" className="button" onClick={() => go('progress')}>
        Progress, plan and reports
      </button>
      <button type="button" className="button" onClick={() => go('data')}>
        Your results and data
      </button>
      <button type="button" className="button secondary" onClick={() => go('safety')}>
        Answer the safety questions again
      </button>
    </div>
  );
}

export function HomeScreen({ go }: { readonly go: (route: Route, id?: string) => void }) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const { screening } = useAppData();
  const [latest, setLatest] = useState<BirdDogTestRecord | null>(null);

  useEffect(() => {
    void (async () => {
      setLatest((await db.birdDogTests.where('status').equals('complete').sortBy('dateIso')).at(-1) ?? null);
    })();
  }, []);

  const allowed = mayExercise(screening);
  return (
    <section className="screen" aria-labelledby="home-title">
      <h1 id="home-title" ref={heading} tabIndex={-1}>
        Your back, steadier
      </h1>
      <p className="lead">
        If your back hurts more after you stretch, you may be stretching the wrong thing, or too hard. steadyback checks
        how steady your lower back is and coaches a hip stretch instead, gently, one cue at a time.
      </p>
      <PrivacyPromise />
      <MorningCheck />
      <UnfinishedTest onResults={(id) => go('results', id)} />
      {!allowed && screening && (
        <div className="problem" role="alert" data-testid="exercise-locked">
          <h2>{screening.outcome === 'emergency' ? RED_FLAG_TEXT.emergency.title : RED_FLAG_TEXT.urgent.title}</h2>
          <p>
            The exercises stay locked until a doctor has checked you. When they have, answer the safety questions again.
          </p>
        </div>
      )}
      <h2>What would you like to do?</h2>
      <Menu go={go} allowed={allowed} />
      {latest?.overall && (
        <p>
          Your last bird-dog test ({latest.dateIso}):{' '}
          <a href={`#/results/${latest.id}`} data-testid="latest-result">
            {latest.overall.summary}
          </a>
        </p>
      )}
      <p className="meta">{PLAN_DISCLAIMER}</p>
    </section>
  );
}
