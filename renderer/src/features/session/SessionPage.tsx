import { useTranslation } from 'react-i18next';
import { useAuth } from '../../stores/auth';
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
