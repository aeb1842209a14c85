import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../stores/auth';
import { resetSupervisor, useSupervisor, type SupervisorTab } from '../../stores/supervisor';
import { canSupervise } from './access';
import { InboxView } from './inbox/InboxView';
import { PoolView } from './pool/PoolView';
import { RaterDetail } from './rater/RaterDetail';
import { SupervisorStatus } from './SupervisorStatus';
import { SupervisorTabs } from './SupervisorTabs';
import { TeamView } from './team/TeamView';
import { WhatIfView } from './whatif/WhatIfView';
import './supervisor.css';

function View({ tab }: { tab: SupervisorTab }) {
  switch (tab) {
    case 'team':
      return <TeamView />;
    case 'pool':
      return <PoolView />;
    case 'inbox':
      return <InboxView />;
    case 'whatif':
      return <WhatIfView />;
  }
}

function Guard({ message }: { message: string }) {
  const { t } = useTranslation('supervisor');
  return (
    <section className="page page--narrow" aria-labelledby="page-title" data-testid="supervisor-guard">
      <h1 id="page-title">{t('title')}</h1>
      <p className="notice notice--info">{message}</p>
    </section>
  );
}

/**
 * Loads the team once per signed-in account; another account starts from
 * nothing, and signing out (or in as a rater) drops the team from memory.
 */
function useTeamLoad(account: string | null) {
  const loadFor = useSupervisor((state) => state.loadFor);
  useEffect(() => {
    if (account) void loadFor(account);
    else if (useSupervisor.getState().account !== null) resetSupervisor();
  }, [account, loadFor]);
}

/**
 * The supervisor console. The section is hidden from raters in the nav and
 * the server refuses them too (403): a rater who gets here anyway sees
 * "supervisors only", never another rater's data.
 */
export function SupervisorPage() {
  const { t } = useTranslation('supervisor');
  const auth = useAuth((state) => state.auth);
  const allowed = auth?.status === 'signed_in' && canSupervise(auth.account?.role);
  const accountKey = allowed ? `${auth.serverUrl}\u0000${auth.account?.email ?? auth.account?.displayName}` : null;
  useTeamLoad(accountKey);
  const team = useSupervisor((state) => state.team);
  const failure = useSupervisor((state) => state.failure);
  const tab = useSupervisor((state) => state.tab);
  const raterId = useSupervisor((state) => state.raterId);
  if (!auth) return <p className="page">{t('guard.loading')}</p>;
  if (auth.status !== 'signed_in') return <Guard message={t('guard.signedOut')} />;
  if (!allowed || failure?.reason === 'forbidden') return <Guard message={t('guard.forbidden')} />;
  return (
    <section className="page supervisor" aria-labelledby="page-title" data-testid="supervisor-page">
      <h1 id="page-title">{t('title')}</h1>
      <SupervisorStatus />
      {failure ? (
        <p className="notice notice--error" role="alert" data-testid="supervisor-failure" data-reason={failure.reason}>
          {t(`failure.${failure.reason}`)}
        </p>
      ) : null}
      {team ? (
        <>
          <SupervisorTabs />
          <div
            role="tabpanel"
            id="supervisor-panel"
            aria-labelledby={`supervisor-tab-${tab}`}
            className="supervisor__panel"
          >
            {raterId ? <RaterDetail raterId={raterId} /> : <View tab={tab} />}
          </div>
        </>
      ) : (
        <p className="muted">{t('guard.loadingTeam')}</p>
      )}
    </section>
  );
}
