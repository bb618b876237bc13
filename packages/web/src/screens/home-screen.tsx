// The first screen: what steadyback is, the privacy promise, and the way into the camera check.

import { useFocusHeading } from './use-focus-heading.tsx';

export function HomeScreen({ onCameraCheck }: { readonly onCameraCheck: () => void }) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  return (
    <section className="screen" aria-labelledby="home-title">
      <h1 id="home-title" ref={heading} tabIndex={-1}>
        Your back, steadier
      </h1>
      <p className="lead">
        If your back hurts more after you stretch, you may be stretching the wrong thing, or too hard. steadyback watches
        how you move and coaches you, gently, one cue at a time.
      </p>
      <div className="promise" role="note" aria-label="Privacy promise">
        <h2>Your video never leaves this device</h2>
        <p>
          The camera picture is looked at right here, in this browser. Nothing is uploaded and no video is saved. Only the
          numbers about your movement are kept, on this device.
        </p>
      </div>
      <h2>Start here</h2>
      <p>
        First, check that the camera can see all of you. It takes about a minute. You will need some floor space and a place
        to stand your phone or laptop.
      </p>
      <button type="button" className="button primary" onClick={onCameraCheck}>
        Camera check
      </button>
    </section>
  );
}
