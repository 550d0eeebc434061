import { createRoot } from 'react-dom/client';
import './shared/i18n/i18n';
import { App } from './app/app';
import './shared/styles.css';

// No <StrictMode>: its double effects would open two SFU sessions and two getUserMedia calls in development.
createRoot(document.getElementById('root')!).render(<App />);
