import { useTranslation } from 'react-i18next';
import { SECTIONS, useNavigation } from '../../stores/navigation';

export function NavBar() {
  const { t } = useTranslation();
  const { section, go } = useNavigation();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <span className="nav__brand">{t('app.name')}</span>
      <ul className="nav__list">
        {SECTIONS.map((name) => (
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
    </nav>
  );
}
