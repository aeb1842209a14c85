import { useTranslation } from 'react-i18next';
import { useAuth } from '../../stores/auth';
import { KeyBindingsEditor } from './KeyBindingsEditor';
import { LanguagePicker } from './LanguagePicker';
import { TimingSettings } from './TimingSettings';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.settings')}</h1>
      <LanguagePicker />
      <KeyBindingsEditor />
      <TimingSettings />
      <AccountSettings />
    </section>
  );
}

function AccountSettings() {
  const { t } = useTranslation();
  const auth = useAuth((state) => state.auth);
  const signOut = useAuth((state) => state.signOut);
  if (!auth || auth.status === 'signed_out') return null;
  return (
    <fieldset className="account">
      <legend>{t('settings.account')}</legend>
      <p>
        <bdi>{auth.account?.displayName}</bdi> · <bdi>{auth.serverUrl}</bdi>
      </p>
      <button type="button" className="button button--quiet" onClick={() => void signOut()} data-testid="sign-out">
        {t('settings.signOut')}
      </button>
    </fieldset>
  );
}
