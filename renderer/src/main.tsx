import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { call } from './bridge';
import './fonts';
import { initI18n } from './i18n';
import { useAppInfo } from './stores/appInfo';
import { usePreferences } from './stores/preferences';
import './styles/app.css';
import './styles/session.css';

async function boot(): Promise<void> {
  const [preferences, info] = await Promise.all([call('prefs.get', {}), call('app.getInfo', {})]);
  usePreferences.setState(preferences);
  useAppInfo.setState({ info });
  // The rater's remembered choice, else the OS's languages (Electron), else the browser's.
  const system = info.systemLanguages.length ? info.systemLanguages : [...navigator.languages];
  await initI18n(preferences.language, system);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
