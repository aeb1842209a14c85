import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../stores/auth';
import { startLeaderboardSync } from '../../stores/leaderboard';
import { Board } from './Board';
import { ComparePanel } from './ComparePanel';
import { ContributionPanel } from './ContributionPanel';
import { FilterBar } from './FilterBar';
import './leaderboard.css';
import { MethodSwitch } from './MethodSwitch';
import { startPreviewController } from './preview/previewController';
import { usePreviewResults } from './preview/previewResults';
import { SignInHint } from './SignInHint';
import { SnapshotStatus } from './SnapshotStatus';
import { StylePanel } from './StylePanel';

/**
 * The Leaderboard section: the local ranking preview. Counts come from main (server or
 * disk cache); ranking runs in a Web Worker while this page stays responsive.
 */
export function LeaderboardPage() {
  const { t } = useTranslation('leaderboard');
  const auth = useAuth((state) => state.auth);
  const signedIn = auth?.status === 'signed_in' || auth?.status === 'reauth_required';
  const serverUrl = auth?.serverUrl ?? null;
  useEffect(() => {
    if (!signedIn) return;
    const stopSync = startLeaderboardSync();
    const stopPreview = startPreviewController();
    return () => {
      stopSync();
      stopPreview();
    };
  }, [signedIn, serverUrl]);
  return (
    <section className="page leaderboard" aria-labelledby="page-title" data-testid="leaderboard">
      <header className="lb-header">
        <h1 id="page-title">{t('title')}</h1>
        {signedIn ? <SnapshotStatus /> : null}
      </header>
      {!auth ? <p>{t('loading')}</p> : signedIn ? <LeaderboardBody /> : <SignInHint />}
    </section>
  );
}

function LeaderboardBody() {
  const primaryModels = usePreviewResults((state) => state.primary?.ranking.models ?? null);
  return (
    <>
      <FilterBar />
      <MethodSwitch />
      <Board />
      {primaryModels ? <StylePanel primaryModels={primaryModels} /> : null}
      {primaryModels ? <ComparePanel primaryModels={primaryModels} /> : null}
      <ContributionPanel primaryModels={primaryModels} />
    </>
  );
}
