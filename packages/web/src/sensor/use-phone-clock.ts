// The phone-only runs' shared clock: while active, reads the newest orientation every 20 ms and
// hands it, with the time since the start, to a tick function made fresh for each run (so a run's
// own state lives in its closure). Stops the sensor and any speech when the run ends or the
// screen closes.

import { useEffect, useRef } from 'react';
import { stopSpeaking } from '../voice/coach-voice.ts';
import { SAMPLE_INTERVAL_MS } from './bird-dog-run.ts';
import { OrientationFeed, type OrientationReading } from './orientation-feed.ts';

export type PhoneTick = (tMs: number, reading: OrientationReading | null, stop: () => void) => void;

export function usePhoneClock(active: boolean, startRun: () => PhoneTick): void {
  const start = useRef(startRun);
  start.current = startRun;
  useEffect(() => {
    if (!active) return;
    const feed = new OrientationFeed();
    feed.start();
    const tick = start.current();
    const t0 = performance.now();
    let stopped = false;
    const stop = () => {
      stopped = true;
      window.clearInterval(timer);
    };
    const timer = window.setInterval(() => {
      if (stopped) return;
      const now = performance.now();
      tick(now - t0, feed.read(now), stop);
    }, SAMPLE_INTERVAL_MS);
    return () => {
      stop();
      feed.stop();
      stopSpeaking();
    };
  }, [active]);
}
