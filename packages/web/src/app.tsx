// The app shell: a small hash router (#/, #/safety, #/bird-dog, #/bird-dog-camera, #/pair/<code>, #/results/<id>, #/stretch, #/camera,
// #/why-hips, #/data, #/progress), so the back button works and a reload stays on its screen, with focus moved to
// each new screen's heading. The first run goes through the safety questions before anything else.

import { useCallback, useEffect, useState } from 'react';
import { AppDataProvider, mayExercise, useAppData } from './app-data.tsx';
import { BirdDogResults } from './screens/bird-dog-results.tsx';
import { BirdDogCameraScreen } from './screens/bird-dog-camera-screen.tsx';
import { BirdDogScreen } from './screens/bird-dog-screen.tsx';
import { CameraScreen } from './screens/camera-screen.tsx';
import { DataScreen } from './screens/data-screen.tsx';
import { HomeScreen } from './screens/home-screen.tsx';
import { PairPhoneScreen } from './screens/pair-phone-screen.tsx';
import { ProgressScreen } from './screens/progress-screen.tsx';
import { SafetyScreen } from './screens/safety-screen.tsx';
import { StretchScreen } from './screens/stretch-screen.tsx';
import { WhyHipsScreen } from './screens/why-hips-screen.tsx';
import { navigate, parseHash, type Route } from './routes.ts';

function Screens() {
  const [{ route, id }, setRoute] = useState(() => parseHash(window.location.hash));
  const { screening } = useAppData();
  // The first run stays on the safety questions until their outcome has been read.
  const [showingOutcome, setShowingOutcome] = useState(false);
  useEffect(() => {
    const onHash = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = useCallback((r: Route, i?: string) => navigate(r, i), []);
  const home = useCallback(() => navigate('home'), []);
  const results = useCallback((i: string) => navigate('results', i), []);

  // A phone that pairs is only the laptop's level: the person answers the safety questions on the laptop.
  if (route === 'pair') return <PairPhoneScreen code={id} />;
  // First run: nothing but the safety questions until they are answered; the explanation and the
  // data screen (to bring data over from another device) stay open.
  if ((!screening || showingOutcome) && route !== 'why-hips' && route !== 'data') {
    return (
      <SafetyScreen
        reason="first-run"
        onSubmitted={() => setShowingOutcome(true)}
        onDone={() => {
          setShowingOutcome(false);
          home();
        }}
      />
    );
  }
  const exerciseRoute = route === 'bird-dog' || route === 'bird-dog-camera' || route === 'stretch';
  if (exerciseRoute && !mayExercise(screening)) return <HomeScreen go={go} />;
  switch (route) {
    case 'safety':
      return <SafetyScreen reason="periodic" onDone={home} />;
    case 'escalation':
      return <SafetyScreen reason="escalation" onDone={home} />;
    case 'bird-dog':
      return <BirdDogScreen onResults={results} onBack={home} />;
    case 'bird-dog-camera':
      return <BirdDogCameraScreen onResults={results} onBack={home} />;
    case 'results':
      return <BirdDogResults id={id ?? ''} onHome={home} onStretch={() => go('stretch')} />;
    case 'stretch':
      return <StretchScreen onBack={home} onEscalate={() => go('escalation')} />;
    case 'camera':
      return <CameraScreen onBack={home} />;
    case 'why-hips':
      return <WhyHipsScreen onBack={home} onStretch={() => go('stretch')} />;
    case 'data':
      return <DataScreen onBack={home} />;
    case 'progress':
      return <ProgressScreen onBack={home} onEscalate={() => go('escalation')} />;
    default:
      return <HomeScreen go={go} />;
  }
}

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href="#/">
          steadyback
        </a>
        <span className="privacy-badge">Video stays on this device</span>
      </header>
      <main className="app-main">
        <AppDataProvider>
          <Screens />
        </AppDataProvider>
      </main>
    </div>
  );
}
