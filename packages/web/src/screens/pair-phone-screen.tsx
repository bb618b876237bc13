// The phone's screen when it pairs with a laptop (opened from the laptop's QR code, or typed):
// one tap allows motion (iOS asks for it) and pairs; then it says that it is paired and measuring,
// how many readings it took and how many wait for the laptop to confirm them. The phone is only
// the level here: the laptop speaks the pacing and shows the results.

import { useState } from 'react';
import { CODE_LENGTH } from '../pairing/protocol.ts';
import { usePhonePairing, type PhonePairing } from '../pairing/use-phone-pairing.ts';
import { motionProblem, requestOrientationPermission } from '../sensor/orientation-feed.ts';
import { Problem } from '../components/common.tsx';
import { useFocusHeading } from './use-focus-heading.tsx';

function PairedStatus({ p }: { readonly p: PhonePairing }) {
  const { state } = p;
  let words: string;
  if (state.kind === 'connecting') words = 'Pairing with the laptop…';
  else if (state.kind === 'reconnecting')
    words = 'The link to the laptop dropped. Reconnecting; the readings are kept.';
  else if (state.kind === 'refused') words = state.reason;
  else if (!state.laptopConnected) words = 'Paired, but the laptop is away. The readings are kept until it is back.';
  else if (state.measuring)
    words = 'Paired and measuring. Lay the phone flat on your lower back and follow the laptop.';
  else words = 'Paired. Lay the phone flat on your lower back, screen up, and start the test on the laptop.';
  return (
    <div
      data-testid="phone-pair-status"
      data-state={state.kind}
      data-measuring={state.kind === 'paired' && state.measuring ? 'yes' : 'no'}
    >
      <p className={state.kind === 'refused' ? 'problem' : 'caption'} role="status" aria-live="polite">
        {words}
      </p>
      <p className="meta" data-testid="phone-counts" data-taken={p.taken} data-waiting={p.waiting}>
        {p.taken} readings taken; {p.waiting} waiting for the laptop to confirm them. Keep the screen on and this page
        open.
      </p>
    </div>
  );
}

function Pairing({ code, onAgain }: { readonly code: string; readonly onAgain: () => void }) {
  const p = usePhonePairing(code);
  return (
    <>
      <PairedStatus p={p} />
      {p.state.kind === 'refused' && (
        <div className="actions">
          <button type="button" className="button primary" onClick={onAgain}>
            Type another code
          </button>
        </div>
      )}
    </>
  );
}

export function PairPhoneScreen({ code: fromLink }: { readonly code: string | null }) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const [typed, setTyped] = useState(fromLink ?? '');
  const [code, setCode] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const valid = new RegExp(`^[0-9]{${CODE_LENGTH}}$`).test(typed);

  const pair = async () => {
    const permission = await requestOrientationPermission();
    if (permission !== 'granted') return setProblem(motionProblem(permission, 'hips tip'));
    setProblem(null);
    setCode(typed);
  };

  return (
    <section className="screen" aria-labelledby="pair-title">
      <h1 id="pair-title" ref={heading} tabIndex={-1}>
        Pair this phone with the laptop
      </h1>
      {code ? (
        <Pairing
          code={code}
          onAgain={() => {
            setTyped('');
            setCode(null);
          }}
        />
      ) : (
        <>
          <p className="lead">
            This phone becomes the level on your lower back; the laptop&apos;s camera watches from the side. Only tilt
            numbers go to the laptop, over your own Wi-Fi.
          </p>
          <label htmlFor="pair-code">The code on the laptop</label>
          <input
            id="pair-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={CODE_LENGTH}
            value={typed}
            onChange={(e) => setTyped(e.target.value.replace(/\D/g, ''))}
          />
          {problem && <Problem>{problem}</Problem>}
          <div className="actions">
            <button type="button" className="button primary" disabled={!valid} onClick={() => void pair()}>
              Allow motion and pair
            </button>
          </div>
        </>
      )}
    </section>
  );
}
