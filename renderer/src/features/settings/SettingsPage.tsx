import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '../../../../shared/i18n/languages';
import { useAuth } from '../../stores/auth';
import { usePreferences } from '../../stores/preferences';
import { KeyBindingsEditor } from './KeyBindingsEditor';
import { TimingSettings } from './TimingSettings';

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const setLanguage = usePreferences((state) => state.setLanguage);
  const languageId = useId();
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.settings')}</h1>
      <div className="field">
        <label htmlFor={languageId}>{t('settings.language')}</label>
        <select
          id={languageId}
          data-testid="language-select"
          value={i18n.language}
          onChange={(event) => void setLanguage(event.target.value)}
        >
          {UI_LANGUAGES.map((language) => (
            <option key={language.code} value={language.code} lang={language.code} dir={language.dir}>
              {language.endonym}
            </option>
          ))}
        </select>
        <p className="field__hint">{t('settings.languageHint')}</p>
      </div>
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
