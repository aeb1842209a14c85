import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../../stores/preferences';

export function TimingSettings() {
  const { t } = useTranslation();
  const timing = usePreferences((state) => state.timing);
  const save = usePreferences((state) => state.setTiming);
  const ids = { breakAfter: useId(), idle: useId() };
  const update = (field: keyof typeof timing, raw: string) => {
    const value = Number(raw);
    if (Number.isInteger(value)) void save({ ...timing, [field]: value });
  };
  return (
    <fieldset className="timing">
      <legend>{t('settings.timing')}</legend>
      <div className="field">
        <label htmlFor={ids.breakAfter}>{t('settings.breakAfter')}</label>
        <input id={ids.breakAfter} type="number" min={0} max={600} value={timing.breakReminderMinutes} onChange={(event) => update('breakReminderMinutes', event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.idle}>{t('settings.idleCutoff')}</label>
        <input id={ids.idle} type="number" min={10} max={3600} value={timing.idleCutoffSeconds} onChange={(event) => update('idleCutoffSeconds', event.target.value)} />
      </div>
    </fieldset>
  );
}
