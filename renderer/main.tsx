/** The renderer's entry: mount the app with the platform it runs on (desktop bridge or web). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ConsoleRoot } from './console/ConsoleApp';
import { getPlatform } from './platform';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    {window.location.hash === '#console' ? <ConsoleRoot platform={getPlatform()} /> : <App platform={getPlatform()} />}
  </StrictMode>,
);
