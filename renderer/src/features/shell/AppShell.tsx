import { useTranslation } from 'react-i18next';
import { useNavigation, type Section } from '../../stores/navigation';
import { LeaderboardPage } from '../leaderboard/LeaderboardPage';
import { SessionPage } from '../session/SessionPage';
import { SettingsPage } from '../settings/SettingsPage';
import { SupervisorPage } from '../supervisor/SupervisorPage';
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
        <SectionContent section={section} />
      </main>
      <StatusBar />
    </div>
  );
}
