import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '../../../../shared/i18n/languages';
import { usePreferences } from '../../stores/preferences';

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
    </section>
  );
}
