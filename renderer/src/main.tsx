import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { call } from './bridge';
import { initI18n } from './i18n';
import { usePreferences } from './stores/preferences';
import './styles/app.css';
import './styles/session.css';

async function boot(): Promise<void> {
  const preferences = await call('prefs.get', {});
  usePreferences.setState(preferences);
  await initI18n(preferences.language);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
