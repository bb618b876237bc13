// The app's screens by name and the location hash that selects one, apart from app.tsx so a
// screen can name a route without importing the app.

export type Route =
  | 'home'
  | 'safety'
  | 'escalation'
  | 'bird-dog'
  | 'bird-dog-camera'
  | 'pair'
  | 'results'
  | 'stretch'
  | 'camera'
  | 'why-hips'
  | 'data'
  | 'progress';
export const ROUTES: readonly Route[] = [
  'home',
  'safety',
  'escalation',
  'bird-dog',
  'bird-dog-camera',
  'pair',
  'results',
  'stretch',
  'camera',
  'why-hips',
  'data',
  'progress',
];

export function parseHash(hash: string): { route: Route; id: string | null } {
  const [name, id] = hash.replace(/^#\/?/, '').split('/');
  const route = (ROUTES as readonly string[]).includes(name ?? '') ? (name as Route) : 'home';
  return { route, id: id ? decodeURIComponent(id) : null };
}

export function navigate(route: Route, id?: string): void {
  window.location.hash = route === 'home' ? '#/' : `#/${route}${id ? `/${encodeURIComponent(id)}` : ''}`;
}
