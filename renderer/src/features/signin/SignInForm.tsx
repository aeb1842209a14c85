import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInFailure } from '../../../../shared/ipc/contract';
import { useAuth } from '../../stores/auth';
import { useBackendStatus } from '../../stores/backendStatus';

function failureMessageKey(failure: SignInFailure): string {
  return `signIn.failure.${failure.reason}`;
}

/** Server, email, password. Every failure gets its own explanation, never a generic "error". */
export function SignInForm({ reauth = false }: { reauth?: boolean }) {
  const { t } = useTranslation();
  const auth = useAuth((state) => state.auth);
  const signingIn = useAuth((state) => state.signingIn);
  const failure = useAuth((state) => state.failure);
  const signIn = useAuth((state) => state.signIn);
  const defaultServer = auth?.serverUrl ?? useBackendStatus.getState().status?.url ?? '';
  const [serverUrl, setServerUrl] = useState(defaultServer);
  const [email, setEmail] = useState(auth?.account?.email ?? '');
  const [password, setPassword] = useState('');
  const ids = { server: useId(), email: useId(), password: useId(), error: useId() };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await signIn(serverUrl.trim(), email.trim(), password)) setPassword('');
  }

  return (
    <form className="signin" onSubmit={(event) => void submit(event)} aria-describedby={failure ? ids.error : undefined} data-testid="signin-form">
      {reauth ? <p className="notice notice--warn">{t('signIn.reauthNotice')}</p> : null}
      <div className="field">
        <label htmlFor={ids.server}>{t('signIn.server')}</label>
        <input id={ids.server} type="url" dir="ltr" required value={serverUrl} onChange={(event) => setServerUrl(event.target.value)} autoComplete="url" data-testid="signin-server" />
      </div>
      <div className="field">
        <label htmlFor={ids.email}>{t('signIn.email')}</label>
        <input id={ids.email} type="email" dir="ltr" required value={email} onChange={(event) => setEmail(event.target.value)} autoComplete="username" data-testid="signin-email" />
      </div>
      <div className="field">
        <label htmlFor={ids.password}>{t('signIn.password')}</label>
        <input id={ids.password} type="password" required value={password} onChange={(event) => setPassword(event.target.value)} autoComplete="current-password" data-testid="signin-password" />
      </div>
      {failure ? (
        <p id={ids.error} className="notice notice--error" role="alert" data-testid="signin-error" data-reason={failure.reason}>
          {t(failureMessageKey(failure), { version: failure.serverApiVersion, seconds: failure.retryAfterSeconds })}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={signingIn} data-testid="signin-submit">
        {signingIn ? t('signIn.signingIn') : t('signIn.submit')}
      </button>
    </form>
  );
}
