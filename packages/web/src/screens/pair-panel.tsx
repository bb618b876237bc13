// The laptop's half of pairing, on screen: the QR code and the six-digit code for the phone, how to
// get past the phone's one-time certificate warning, and then that the phone is paired, how many
// readings came in and how well the two clocks agree.

import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import type { ScreenPairing } from '../pairing/use-screen-pairing.ts';

function useQrPicture(text: string | null): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!text) return setSrc(null);
    let live = true;
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return src;
}

function CertificateHelp() {
  return (
    <details className="help">
      <summary>The phone says the connection is not private</summary>
      <p>
        That is expected once: steadyback made its own certificate on this computer, so no company vouches for it.
        Nothing goes beyond your own Wi-Fi.
      </p>
      <ul>
        <li>iPhone (Safari): tap Show Details, then visit this website, then Visit Website.</li>
        <li>Android (Chrome): tap Advanced, then Proceed.</li>
      </ul>
      <p>When the phone asks to use motion and orientation, tap Allow: that is how it feels your hips tip.</p>
    </details>
  );
}

function WaitingForPhone({ code, phoneUrl }: { readonly code: string; readonly phoneUrl: string | null }) {
  const qr = useQrPicture(phoneUrl);
  if (!phoneUrl) {
    return (
      <p className="problem" role="alert">
        This computer is not on a network your phone can reach, so the phone cannot pair. Connect both to the same Wi-Fi
        and start steadyback again, or do the test with the camera alone.
      </p>
    );
  }
  const address = phoneUrl.replace(/#.*$/, '');
  return (
    <div className="pair-code" data-testid="pair-code" data-code={code} data-phone-url={phoneUrl}>
      {qr && <img className="qr" src={qr} alt="QR code that opens steadyback on your phone" width={200} height={200} />}
      <p>
        Scan this with your phone&apos;s camera, or open <strong>{address}</strong> on the phone and type the code{' '}
        <strong className="code">{code}</strong>. The phone and this computer need to be on the same Wi-Fi.
      </p>
      <p className="meta">The code works once, for one phone, for 10 minutes.</p>
      <CertificateHelp />
    </div>
  );
}

function roll(gamma: number): string {
  return `${Math.abs(gamma).toFixed(0)} degrees ${gamma >= 0 ? 'right' : 'left'} side down`;
}

export function PairPanel({ pairing }: { readonly pairing: ScreenPairing }) {
  const { state, received, latest, clockWithinMs, clockOffsetMs } = pairing;
  if (state.kind === 'connecting') return <p role="status">Getting a pairing code…</p>;
  if (state.kind === 'refused')
    return (
      <p className="problem" role="alert">
        {state.reason}
      </p>
    );
  if (state.kind === 'code') return <WaitingForPhone code={state.code} phoneUrl={state.phoneUrl} />;
  return (
    <div className="pair-status" data-testid="pair-status" data-connected={state.phoneConnected ? 'yes' : 'no'}>
      <p role="status">
        {state.phoneConnected
          ? 'Your phone is paired and sending its tilt.'
          : 'The phone lost its link. It keeps its readings and sends them when it is back: keep its screen on and steadyback open on it.'}
      </p>
      <p
        className="meta"
        data-testid="phone-reading"
        data-received={received}
        data-sample-seq={latest?.sample.seq ?? ''}
        data-sample-t={latest?.sample.tMs ?? ''}
        data-clock-within={clockWithinMs ?? ''}
        data-clock-offset={clockOffsetMs ?? ''}
      >
        {latest ? `Phone: ${roll(latest.sample.gamma)}. ` : 'No reading from the phone yet. '}
        {received} readings received
        {clockWithinMs !== null && `; the two clocks agree to within ${Math.max(1, Math.round(clockWithinMs))} ms`}.
      </p>
    </div>
  );
}
