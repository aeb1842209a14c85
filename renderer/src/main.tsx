import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { call } from './bridge';
import { NotLaunchedError } from './bridge/webSocketApi';
import { NotLaunched } from './features/shell/NotLaunched';
import './fonts';
import { initI18n } from './i18n';
import { useAppInfo } from './stores/appInfo';
import { usePreferences } from './stores/preferences';
import './styles/app.css';
import './styles/session.css';

function mount(element: React.ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(<StrictMode>{element}</StrictMode>);
}

async function boot(): Promise<void> {
  let preferences, info;
  try {
    [preferences, info] = await Promise.all([call('prefs.get', {}), call('app.getInfo', {})]);
  } catch (error) {
    if (!(error instanceof NotLaunchedError)) throw error;
    // A browser tab opened without the web host's one-time URL: say what to do, in the browser's language.
    await initI18n(null, [...navigator.languages]);
    mount(<NotLaunched />);
    return;
  }
  usePreferences.setState(preferences);
  useAppInfo.setState({ info });
  // The rater's remembered choice, else the OS's languages (Electron), else the browser's.
  const system = info.systemLanguages.length ? info.systemLanguages : [...navigator.languages];
  await initI18n(preferences.language, system);
  mount(<App />);
}

void boot();
