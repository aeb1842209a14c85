import { useTranslation } from 'react-i18next';
import { useAuth } from '../../stores/auth';
import { SECTIONS, useNavigation } from '../../stores/navigation';
import { canSupervise } from '../supervisor/access';
import { BackendHealth } from './BackendHealth';
import { SyncIndicator } from './SyncIndicator';

export function NavBar() {
  const { t } = useTranslation();
  const { section, go } = useNavigation();
  // Raters never see the supervisor entry; the server refuses them anyway.
  const supervisor = useAuth((state) => canSupervise(state.auth?.account?.role));
  const sections = SECTIONS.filter((name) => name !== 'supervisor' || supervisor);
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <span className="nav__brand">{t('app.name')}</span>
      <ul className="nav__list">
        {sections.map((name) => (
          <li key={name}>
            <button
              type="button"
              className="nav__item"
              aria-current={section === name ? 'page' : undefined}
              data-testid={`nav-${name}`}
              onClick={() => go(name)}
            >
              {t(`nav.${name}`)}
            </button>
          </li>
        ))}
      </ul>
      <div className="nav__status" role="status" aria-live="polite" aria-label={t('status.label')}>
        <BackendHealth />
        <SyncIndicator />
      </div>
    </nav>
  );
}
