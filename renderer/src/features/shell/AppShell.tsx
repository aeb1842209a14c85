import { useTranslation } from 'react-i18next';
import { useNavigation, type Section } from '../../stores/navigation';
import { lazy, Suspense } from 'react';
import { SessionPage } from '../session/SessionPage';
import { SettingsPage } from '../settings/SettingsPage';

// The leaderboard and the supervisor console load as their own chunks: a rater's first paint carries neither.
const LeaderboardPage = lazy(() => import('../leaderboard/LeaderboardPage').then((module) => ({ default: module.LeaderboardPage })));
const SupervisorPage = lazy(() => import('../supervisor/SupervisorPage').then((module) => ({ default: module.SupervisorPage })));
import { NavBar } from './NavBar';
import { StatusBar } from './StatusBar';

function SectionContent({ section }: { section: Section }) {
  switch (section) {
    case 'session':
      return <SessionPage />;
    case 'settings':
      return <SettingsPage />;
    case 'leaderboard':
      return <LeaderboardPage />;
    case 'supervisor':
      return <SupervisorPage />;
  }
}

export function AppShell() {
  const { t } = useTranslation();
  const section = useNavigation((state) => state.section);
  return (
    <div className="shell" data-testid="app-shell">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <NavBar />
      <main id="main" className="shell__main" tabIndex={-1}>
        <Suspense fallback={<p className="muted">{t('session.loading')}</p>}>
          <SectionContent section={section} />
        </Suspense>
      </main>
      <StatusBar />
    </div>
  );
}
