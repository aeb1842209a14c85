import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../stores/auth';
import { useSync } from '../../stores/sync';
import { ConnectionSettings } from './ConnectionSettings';
import { KeyBindingsEditor } from './KeyBindingsEditor';
import { LanguagePicker } from './LanguagePicker';
import { TimingSettings } from './TimingSettings';
import { UpdateSettings } from './UpdateSettings';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.settings')}</h1>
      <LanguagePicker />
      <KeyBindingsEditor />
      <TimingSettings />
      <ConnectionSettings />
      <UpdateSettings />
      <AccountSettings />
    </section>
  );
}

function AccountSettings() {
  const { t } = useTranslation();
  const auth = useAuth((state) => state.auth);
  const signOut = useAuth((state) => state.signOut);
  const pending = useSync((state) => state.status?.pending ?? 0);
  const [confirming, setConfirming] = useState(false);
  if (!auth || auth.status === 'signed_out') return null;
  // Unsent votes are never lost by signing out (they stay in the journal), but the rater must know.
  const requestSignOut = () => (pending > 0 ? setConfirming(true) : void signOut());
  return (
    <fieldset className="account">
      <legend>{t('settings.account')}</legend>
      <p>
        <bdi>{auth.account?.displayName}</bdi> · <bdi>{auth.serverUrl}</bdi>
      </p>
      {confirming && pending > 0 ? (
        <div className="notice notice--warn" role="alertdialog" aria-labelledby="signout-warning" data-testid="sign-out-warning">
          <p id="signout-warning">{t('settings.signOutUnsent', { count: pending })}</p>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => void signOut()} data-testid="sign-out-anyway">
              {t('settings.signOutAnyway')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConfirming(false)} autoFocus>
              {t('settings.signOutCancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button--quiet" onClick={requestSignOut} data-testid="sign-out">
          {t('settings.signOut')}
        </button>
      )}
    </fieldset>
  );
}
