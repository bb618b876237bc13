// A bird-dog test that stopped before its end (a reload, a crash, a closed tab): its phone readings
// were saved every second, so the person can see what they measured, or discard them.

import { useEffect, useState } from 'react';
import { db } from '../storage/db.ts';
import { finishTest, unflattenSamples } from '../sensor/bird-dog-session.ts';

export function UnfinishedTest({ onResults }: { readonly onResults: (id: string) => void }) {
  const [unfinished, setUnfinished] = useState<{ id: string; samples: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      const open = await db.birdDogTests.where('status').equals('in-progress').last();
      const draft = open ? await db.sensorDrafts.get(open.id) : undefined;
      setUnfinished(open ? { id: open.id, samples: (draft?.samples.length ?? 0) / 5 } : null);
    })();
  }, []);

  if (!unfinished) return null;
  const finish = async () => {
    const draft = await db.sensorDrafts.get(unfinished.id);
    const r = await finishTest(unfinished.id, unflattenSamples(draft?.samples ?? []));
    if (r.ok) onResults(unfinished.id);
    else setProblem(`${r.reason} You can discard it and start again.`);
  };
  const discard = async () => {
    await db.transaction('rw', db.birdDogTests, db.sensorDrafts, async () => {
      await db.birdDogTests.update(unfinished.id, { status: 'abandoned' });
      await db.sensorDrafts.delete(unfinished.id);
    });
    setUnfinished(null);
  };
  return (
    <div className="problem" role="status" data-testid="unfinished-test">
      <h2>An unfinished bird-dog test</h2>
      <p>
        A test stopped before the end; {Math.round(unfinished.samples / 50)} seconds of phone readings were kept. See
        what they show, or discard them.
      </p>
      {problem && <p role="alert">{problem}</p>}
      <div className="actions">
        <button type="button" className="button primary" onClick={() => void finish()}>
          See what was measured
        </button>
        <button type="button" className="button secondary" onClick={() => void discard()}>
          Discard it
        </button>
      </div>
    </div>
  );
}
