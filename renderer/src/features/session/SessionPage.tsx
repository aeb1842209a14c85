import { useTranslation } from 'react-i18next';
import { useBackendStatus } from '../../stores/backendStatus';
import { BackendHealth } from '../shell/BackendHealth';

/** For now the home of the app: where the backend is and whether it answers. */
export function SessionPage() {
  const { t } = useTranslation();
  const status = useBackendStatus((state) => state.status);
  const checking = useBackendStatus((state) => state.checking);
  const checkNow = useBackendStatus((state) => state.checkNow);
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.session')}</h1>
      <p>{t('session.intro')}</p>
      <dl className="facts">
        <dt>{t('session.backendUrl')}</dt>
        <dd>
          <bdi>{status?.url ?? '…'}</bdi>
        </dd>
        <dt>{t('session.backendHealth')}</dt>
        <dd>
          <BackendHealth />
        </dd>
        <dt>{t('session.lastChecked')}</dt>
        <dd>{status?.checkedAt ? t('session.checkedAt', {
                time: new Date(status.checkedAt),
                formatParams: { time: { dateStyle: 'medium', timeStyle: 'medium' } },
              }) : t('session.never')}</dd>
      </dl>
      <button type="button" className="button" onClick={() => void checkNow()} disabled={checking}>
        {t('session.checkNow')}
      </button>
    </section>
  );
}
