// The app shell: a tiny hash router (#/ and #/camera), so the back button works and a screen can be
// opened directly, with focus moved to each new screen's heading for keyboard and screen-reader users.

import { useEffect, useState } from 'react';
import { HomeScreen } from './screens/home-screen.tsx';
import { CameraScreen } from './screens/camera-screen.tsx';

export type Route = 'home' | 'camera';

function routeFromHash(hash: string): Route {
  return hash.replace(/^#\/?/, '') === 'camera' ? 'camera' : 'home';
}

export function navigate(route: Route): void {
  window.location.hash = route === 'home' ? '#/' : '#/camera';
}

export function App() {
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));

  useEffect(() => {
    const onHash = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">steadyback</span>
        <span className="privacy-badge">Video stays on this device</span>
      </header>
      <main className="app-main">
        {route === 'camera' ? <CameraScreen onBack={() => navigate('home')} /> : <HomeScreen onCameraCheck={() => navigate('camera')} />}
      </main>
    </div>
  );
}
