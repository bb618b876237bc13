// Small pieces every screen uses the same way: the mute switch (voice and beeps; captions stay),
// the good-form hold timer, a plain problem line, and the way back to the start screen.

import { useAppData } from '../app-data.tsx';

export function MuteToggle({ label = 'Mute' }: { readonly label?: string }) {
  const { settings, updateSettings } = useAppData();
  return (
    <label className="toggle">
      <input
        type="checkbox"
        checked={settings.muted}
        onChange={(e) => void updateSettings({ muted: e.target.checked })}
      />
      {label}
    </label>
  );
}

export function HoldTimer({
  goodMs,
  targetMs,
  side,
  children,
}: {
  readonly goodMs: number;
  readonly targetMs: number;
  readonly side: string;
  readonly children?: React.ReactNode;
}) {
  return (
    <div
      className="hold-timer"
      role="timer"
      aria-live="off"
      data-testid="hold-timer"
      data-good-ms={Math.round(goodMs)}
      data-side={side}
    >
      <span className="big">{Math.floor(goodMs / 1000)}</span> / {targetMs / 1000} s of good form
      {children}
    </div>
  );
}

export function Problem({ children, testId }: { readonly children: React.ReactNode; readonly testId?: string }) {
  return (
    <p className="problem" role="alert" {...(testId ? { 'data-testid': testId } : {})}>
      {children}
    </p>
  );
}

export function BackToStart({
  onBack,
  label = 'Back to start',
}: {
  readonly onBack: () => void;
  readonly label?: string;
}) {
  return (
    <div className="actions">
      <button type="button" className="button secondary" onClick={onBack}>
        {label}
      </button>
    </div>
  );
}
