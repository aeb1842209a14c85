import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStatus } from '../../../../shared/ipc/features/desktopContract';
import { call, subscribe } from '../../bridge';
import { useNow } from '../../hooks/useNow';
import { relativeTime } from '../../i18n/intl';

/**
 * Settings → Updates: what the background updater last did. It never asks
 * for a restart: a downloaded version installs when the rater quits.
 */
export function UpdateSettings() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [checking, setChecking] = useState(false);
  const now = useNow(30_000);
  useEffect(() => {
    // A host that cannot say shows no update section rather than an error.
    call('updates.getStatus', {})
      .then(setStatus)
      .catch(() => setStatus(null));
    return subscribe('updates.status', setStatus);
  }, []);
  if (!status) return null;

  const when = status.checkedAt ? relativeTime(Date.parse(status.checkedAt) - now, i18n.language) : '';
  const checkNow = async () => {
    setChecking(true);
    try {
      setStatus(await call('updates.checkNow', {}));
    } catch {
      // Main could not answer: keep showing the last known state.
    } finally {
      setChecking(false);
    }
  };
  return (
    <fieldset className="updates" data-testid="update-settings">
      <legend>{t('settings.updates.title')}</legend>
      <p role="status" aria-live="polite" data-testid="update-state" data-state={status.state}>
        {t(`settings.updates.state.${status.state}`, { version: status.currentVersion, available: status.availableVersion, when })}
      </p>
      {status.state === 'disabled' ? null : (
        <button type="button" className="button button--quiet" disabled={checking || status.state === 'checking'} onClick={() => void checkNow()}>
          {t('settings.updates.checkNow')}
        </button>
      )}
    </fieldset>
  );
}
