import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickableLanguages, resolvedWithScriptChange, type UiLanguage } from '../../../../shared/i18n/languages';
import { loadAllCjkFamilies } from '../../fonts';
import { intlLocales, languageName } from '../../i18n/intl';
import { useAppInfo } from '../../stores/appInfo';
import { usePreferences } from '../../stores/preferences';

interface Choice {
  language: UiLanguage;
  /** The language's name in the UI language ("Japanese" in English), when it differs from the endonym. */
  localName: string;
}

/**
 * Seventy languages: each shown by its endonym (what its speakers look for)
 * with its name in the current UI language beside it, sorted by that name in
 * the UI language's collation, and a search that matches endonym, local name,
 * English name or code. The pseudo-locale appears only for developers.
 */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const setLanguage = usePreferences((state) => state.setLanguage);
  const developer = useAppInfo((state) => state.info?.developerLocales ?? false);
  const systemLanguages = useAppInfo((state) => state.info?.systemLanguages ?? []);
  const [query, setQuery] = useState('');
  const selectId = useId();
  const searchId = useId();
  const hintId = useId();
  const ui = i18n.language;

  useEffect(() => void loadAllCjkFamilies(), []);

  const choices = useMemo(() => {
    const collator = new Intl.Collator(intlLocales(ui));
    return pickableLanguages(developer || ui === 'en-XA')
      .map((language): Choice => ({ language, localName: language.pseudo ? language.english : languageName(language.code, ui) }))
      .sort((a, b) => collator.compare(a.localName, b.localName));
  }, [ui, developer]);

  const needle = query.trim().toLocaleLowerCase();
  const shown = needle ? choices.filter((choice) => matches(choice, needle) || choice.language.code === ui) : choices;
  const noMatch = needle !== '' && !shown.some((choice) => choice.language.code !== ui || matches(choice, needle));
  const scriptNote = ui === 'sr' && [...systemLanguages, ...navigator.languages].some(resolvedWithScriptChange);

  return (
    <div className="field language-picker">
      <label htmlFor={selectId}>{t('settings.language')}</label>
      <input
        id={searchId}
        type="search"
        className="language-picker__search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        aria-label={t('settings.languageSearch')}
        placeholder={t('settings.languageSearch')}
        aria-controls={selectId}
        data-testid="language-search"
      />
      <select
        id={selectId}
        data-testid="language-select"
        value={ui}
        aria-describedby={hintId}
        onChange={(event) => void setLanguage(event.target.value)}
      >
        {shown.map(({ language, localName }) => (
          <option key={language.code} value={language.code} lang={language.code} dir={language.dir}>
            {language.endonym === localName ? language.endonym : `${language.endonym} — ${localName}`}
          </option>
        ))}
      </select>
      {noMatch && (
        <p role="status" className="field__hint text-warn">
          {t('settings.languageNoMatch', { query })}
        </p>
      )}
      <p id={hintId} className="field__hint">
        {t('settings.languageHint')}
      </p>
      {scriptNote && <p className="field__hint">{t('settings.languageScriptNote')}</p>}
    </div>
  );
}

function matches({ language, localName }: Choice, needle: string): boolean {
  return [language.endonym, localName, language.english, language.code].some((name) =>
    name.toLocaleLowerCase().includes(needle),
  );
}
