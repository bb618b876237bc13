// The phone's pairing while its pair screen is open: after the tap that allows motion, one
// PhoneSession with the code, and a 50 Hz clock that takes the newest orientation reading and
// sends it. The phone keeps every reading until the laptop confirms it.

import { useEffect, useState } from 'react';
import { SAMPLE_INTERVAL_MS } from '../sensor/bird-dog-run.ts';
import { OrientationFeed } from '../sensor/orientation-feed.ts';
import { pairSocketUrl } from './pair-link.ts';
import { PhoneSession, type PhonePairState } from './phone-session.ts';

export interface PhonePairing {
  readonly state: PhonePairState;
  readonly taken: number;
  readonly waiting: number;
}

const SHOW_MS = 250;

export function usePhonePairing(code: string | null): PhonePairing {
  const [state, setState] = useState<PhonePairState>({ kind: 'connecting' });
  const [counts, setCounts] = useState({ taken: 0, waiting: 0 });

  useEffect(() => {
    if (!code) return;
    const session = new PhoneSession({
      url: pairSocketUrl(window.location.href),
      code,
      open: (url) => new WebSocket(url),
      now: () => performance.now(),
      onState: setState,
    });
    const feed = new OrientationFeed();
    feed.start();
    session.start();
    const sampler = window.setInterval(() => {
      const now = performance.now();
      const r = feed.read(now);
      if (r && session.current.kind !== 'refused') session.record(r);
    }, SAMPLE_INTERVAL_MS);
    const shower = window.setInterval(
      () => setCounts({ taken: session.outbox.taken, waiting: session.outbox.unconfirmed().length }),
      SHOW_MS,
    );
    return () => {
      window.clearInterval(sampler);
      window.clearInterval(shower);
      feed.stop();
      session.stop();
    };
  }, [code]);

  return { state, ...counts };
}
