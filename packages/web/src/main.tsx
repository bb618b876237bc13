// Entry point: mounts the app. Everything runs in this page; nothing is uploaded.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles.css';

const rootEl = document.getElementById('root');
if (!rootEl) throw new Error('index.html must contain <div id="root">.');
createRoot(rootEl).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
