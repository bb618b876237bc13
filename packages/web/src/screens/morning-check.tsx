// The next-morning check-in (rule sets D and E): the morning after an exercise day, "how is your
// back this morning?" decides, with the pain before and during, whether to progress, hold or back off.

import { useEffect, useState } from 'react';
import { addDaysIso, recordNextMorning, type PainDay } from '@steadyback/core';
import { NrsButtons } from '../components/nrs-buttons.tsx';
import { db, loadGuard, saveGuard, todayIso } from '../storage/db.ts';

/** Yesterday's exercise day that still waits for its morning score, if any. */
async function dayAwaitingMorning(today: string): Promise<PainDay | null> {
  const yesterday = addDaysIso(today, -1);
  const day = await db.painDays.where('dateIso').equals(yesterday).last();
  return day && day.morningNrs === null ? day : null;
}

export function MorningCheck() {
  const [day, setDay] = useState<PainDay | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    void dayAwaitingMorning(todayIso()).then(setDay);
  }, []);
  if (!day && !message) return null;
  const choose = async (n: number) => {
    if (!day) return;
    await db.painDays.update(day.id, { morningNrs: n });
    const guard = await loadGuard();
    const r = guard ? recordNextMorning(guard, { dateIso: todayIso(), morningPainNrs: n }) : null;
    if (r?.ok) await saveGuard(r.state);
    setMessage(
      r?.ok
        ? r.message
        : n <= day.restNrs
          ? "Thank you. Your back is no worse than before yesterday's exercise."
          : 'Thank you. Your back is a little more sore than before; today, keep the exercises gentle.',
    );
    setDay(null);
  };
  return (
    <div className="promise" data-testid="morning-check">
      <h2>Good morning</h2>
      {day ? (
        <NrsButtons
          name="morning"
          label="How is your back this morning, compared with no pain at all?"
          low="no pain"
          high="worst pain imaginable"
          value={null}
          onChoose={(n) => void choose(n)}
        />
      ) : (
        <p role="status">{message}</p>
      )}
    </div>
  );
}
