// Simple line pictures drawn for steadyback (our own, no outside artwork): where the phone goes and
// where the camera goes. Decorative for screen readers: the text next to them says the same.

export function PhoneOnBackPicture() {
  return (
    <svg
      className="picture"
      viewBox="0 0 320 160"
      role="img"
      aria-label="A person on hands and knees with a phone lying flat on the lower back, top toward the head"
    >
      <g stroke="currentColor" strokeWidth="6" strokeLinecap="round" fill="none">
        <circle cx="70" cy="62" r="16" />
        <line x1="88" y1="72" x2="220" y2="72" />
        <line x1="104" y1="74" x2="104" y2="140" />
        <line x1="220" y1="74" x2="220" y2="140" />
        <line x1="220" y1="140" x2="275" y2="140" />
        <line x1="20" y1="146" x2="300" y2="146" strokeWidth="2" />
      </g>
      <rect x="186" y="52" width="34" height="16" rx="3" fill="var(--accent)" />
      <text x="170" y="40" fontSize="13" fill="currentColor">
        phone, flat, top toward head
      </text>
    </svg>
  );
}

export function PhoneInWaistbandPicture() {
  return (
    <svg
      className="picture"
      viewBox="0 0 200 200"
      role="img"
      aria-label="A person half-kneeling seen from the side with a phone tucked upright in the waistband at the back"
    >
      <g stroke="currentColor" strokeWidth="6" strokeLinecap="round" fill="none">
        <circle cx="100" cy="30" r="16" />
        <line x1="100" y1="48" x2="100" y2="110" />
        <line x1="100" y1="110" x2="140" y2="110" />
        <line x1="140" y1="110" x2="140" y2="175" />
        <line x1="100" y1="110" x2="70" y2="175" />
        <line x1="70" y1="175" x2="20" y2="175" />
        <line x1="10" y1="180" x2="190" y2="180" strokeWidth="2" />
      </g>
      <rect x="78" y="86" width="12" height="26" rx="3" fill="var(--accent)" />
    </svg>
  );
}

export function CameraPlacementPicture() {
  return (
    <svg
      className="picture"
      viewBox="0 0 320 150"
      role="img"
      aria-label="Seen from above: the camera stands on the floor 2 to 3 metres to the side of the person, at hip height"
    >
      <g stroke="currentColor" strokeWidth="4" fill="none" strokeLinecap="round">
        <rect x="40" y="50" width="140" height="40" rx="16" />
        <rect x="250" y="58" width="30" height="24" rx="4" fill="var(--accent)" stroke="none" />
        <line x1="250" y1="70" x2="190" y2="70" strokeDasharray="6 6" />
      </g>
      <text x="60" y="40" fontSize="13" fill="currentColor">
        you, side-on
      </text>
      <text x="214" y="110" fontSize="13" fill="currentColor">
        camera at hip height, 2-3 m
      </text>
    </svg>
  );
}
