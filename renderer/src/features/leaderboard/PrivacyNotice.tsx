import { useTranslation } from 'react-i18next';

/** In place of numbers for a slice below the server's distinct-rater minimum. */
export function PrivacyNotice({ raters, minRaters, testId = 'privacy-notice' }: { raters: number; minRaters: number; testId?: string }) {
  const { t } = useTranslation('leaderboard');
  return (
    <div className="notice notice--warn" role="note" data-testid={testId}>
      <p className="lb-notice-title">{t('privacy.title')}</p>
      <p>{t('privacy.text', { count: raters, min: minRaters })}</p>
    </div>
  );
}
