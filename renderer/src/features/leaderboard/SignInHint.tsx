import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../stores/navigation';

/** Counts come only to signed-in accounts: say so, and offer the way to sign in. */
export function SignInHint() {
  const { t } = useTranslation('leaderboard');
  const go = useNavigation((state) => state.go);
  return (
    <div className="notice notice--info lb-signin" data-testid="leaderboard-signin">
      <p>{t('signedOut.text')}</p>
      <button type="button" className="button" onClick={() => go('session')}>
        {t('signedOut.action')}
      </button>
    </div>
  );
}
