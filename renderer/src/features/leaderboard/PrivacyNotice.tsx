import { useTranslation } from 'react-i18next';

/**
 * In place of numbers for a slice below the server's distinct-rater minimum.
 * It says nothing about the slice itself — not how many raters, not how many
 * votes: "1 rater · 11 votes" would disclose one person's activity.
 */
export function PrivacyNotice({ minRaters, testId = 'privacy-notice' }: { minRaters: number; testId?: string }) {
  const { t } = useTranslation('leaderboard');
  return (
    <div className="notice notice--warn" role="note" data-testid={testId}>
      <p className="lb-notice-title">{t('privacy.heading')}</p>
      <p>{t('privacy.rule', { min: minRaters })}</p>
    </div>
  );
}
