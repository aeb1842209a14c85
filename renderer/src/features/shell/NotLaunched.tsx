import { useTranslation } from 'react-i18next';

/** Shown when the web host's page is opened without its one-time URL (or the URL was already used). */
export function NotLaunched() {
  const { t } = useTranslation();
  return (
    <main className="page page--narrow" data-testid="not-launched">
      <h1>{t('webHost.notLaunchedTitle')}</h1>
      <p>{t('webHost.notLaunchedText')}</p>
    </main>
  );
}
