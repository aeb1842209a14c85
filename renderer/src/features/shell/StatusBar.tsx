import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../stores/appInfo';
import { useBackendStatus } from '../../stores/backendStatus';

/** The footer: which app and which server. Connection and sync state live in the top bar (NavBar), always in view. */
export function StatusBar() {
  const { t } = useTranslation();
  const info = useAppInfo((state) => state.info);
  const url = useBackendStatus((state) => state.status?.url);
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span data-testid="app-version">{t('status.version', { version: info?.version ?? '…' })}</span>
      <span className="status-bar__backend">
        {t('status.backend')} <bdi data-testid="backend-url">{url ?? '…'}</bdi>
      </span>
    </footer>
  );
}
