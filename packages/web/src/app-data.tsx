// What every screen needs from storage: settings and the latest safety screening, loaded once and
// refreshed after a change. Storage itself lives in storage/db.ts.

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { tierMayExercise, type Screening, type Settings } from '@steadyback/core';
import { latestScreening, loadSettings, saveSettings } from './storage/db.ts';

export interface AppData {
  readonly settings: Settings;
  readonly screening: Screening | null;
  refresh(): Promise<void>;
  updateSettings(patch: Partial<Settings>): Promise<void>;
}

const Ctx = createContext<AppData | null>(null);

export function AppDataProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<{ settings: Settings; screening: Screening | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      const [settings, screening] = await Promise.all([loadSettings(), latestScreening()]);
      setState({ settings, screening });
    } catch {
      setError(
        'This browser would not let steadyback keep its data (private browsing can do that). Open it in a normal window to save your progress.',
      );
    }
  }, []);
  const updateSettings = useCallback(async (patch: Partial<Settings>) => {
    // Shown at once (a checkbox must not flicker back), then kept.
    setState((s) => (s ? { ...s, settings: { ...s.settings, ...patch } } : s));
    await saveSettings(patch);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  if (error)
    return (
      <p className="problem" role="alert">
        {error}
      </p>
    );
  if (!state) return <p role="status">Opening your data…</p>;
  return <Ctx.Provider value={{ ...state, refresh, updateSettings }}>{children}</Ctx.Provider>;
}

export function useAppData(): AppData {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAppData must be used inside <AppDataProvider>.');
  return v;
}

/** Exercise is allowed when there is a screening and core's rule allows its outcome. */
export function mayExercise(screening: Screening | null): boolean {
  return screening !== null && tierMayExercise(screening.outcome);
}
