import { useTranslation } from 'react-i18next';
import { useAuth } from '../../stores/auth';
import { useNavigation } from '../../stores/navigation';
import { SignInForm } from '../signin/SignInForm';
import { ComparisonScreen } from './ComparisonScreen';

/**
 * Signed out: the sign-in form. Session ended (refresh token dead): keep
 * working, votes queue on disk, and a form to sign in again sits on top.
 */
export function SessionPage() {
  const { t } = useTranslation();
  const auth = useAuth((state) => state.auth);
  if (!auth) return <p className="page">{t('session.loading')}</p>;
  if (auth.status === 'signed_out') {
    return (
      <section className="page page--narrow" aria-labelledby="page-title">
        <h1 id="page-title">{t('signIn.title')}</h1>
        <SignInForm />
      </section>
    );
  }
  if (auth.account && auth.account.role !== 'rater') return <NoQueue />;
  return (
    <>
      {auth.status === 'reauth_required' ? (
        <section className="page page--narrow" aria-label={t('signIn.title')}>
          <SignInForm reauth />
        </section>
      ) : null}
      <ComparisonScreen />
    </>
  );
}

/** Supervisors and admins have no rating queue: say so plainly and point to their console. */
function NoQueue() {
  const { t } = useTranslation();
  const go = useNavigation((state) => state.go);
  return (
    <section className="page page--narrow" aria-labelledby="page-title" data-testid="no-queue">
      <h1 id="page-title">{t('session.noQueueTitle')}</h1>
      <p>{t('session.noQueueText')}</p>
      <button type="button" className="button" onClick={() => go('supervisor')}>
        {t('session.openConsole')}
      </button>
    </section>
  );
}
