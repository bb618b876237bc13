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

type WakeLockNavigator = Navigator & {
  wakeLock?: { request(kind: 'screen'): Promise<{ release(): Promise<void> }> };
};

/**
 * Keeps the phone's screen on while it measures (a locked phone stops sending), where the browser
 * allows it; asked again when the page is shown again, since the browser lets it go when hidden.
 */
function keepScreenOn(): () => void {
  const nav = navigator as WakeLockNavigator;
  let lock: { release(): Promise<void> } | null = null;
  const ask = () => {
    if (document.visibilityState !== 'visible' || !nav.wakeLock) return;
    nav.wakeLock.request('screen').then(
      (l) => (lock = l),
      () => undefined,
    );
  };
  ask();
  document.addEventListener('visibilitychange', ask);
  return () => {
    document.removeEventListener('visibilitychange', ask);
    void lock?.release().catch(() => undefined);
  };
}

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
    const letScreenSleep = keepScreenOn();
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
      letScreenSleep();
      session.stop();
    };
  }, [code]);

  return { state, ...counts };
}
