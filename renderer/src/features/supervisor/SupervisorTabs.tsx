import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSupervisor, type SupervisorTab } from '../../stores/supervisor';

export const TABS: readonly SupervisorTab[] = ['team', 'pool', 'inbox', 'whatif'];

/** The four views as ARIA tabs: arrow keys move along them (mirrored right-to-left), Home and End jump. */
export function SupervisorTabs() {
  const { t } = useTranslation('supervisor');
  const tab = useSupervisor((state) => state.tab);
  const setTab = useSupervisor((state) => state.setTab);
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const move = (event: KeyboardEvent) => {
    const rtl = document.documentElement.dir === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    const current = TABS.indexOf(tab);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? TABS.length - 1
          : step === undefined
            ? null
            : (current + step + TABS.length) % TABS.length;
    if (next === null) return;
    event.preventDefault();
    setTab(TABS[next]!);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={t('tabs.label')} className="tabs" onKeyDown={move}>
      {TABS.map((name, index) => (
        <button
          key={name}
          ref={(element) => {
            refs.current[index] = element;
          }}
          type="button"
          role="tab"
          id={`supervisor-tab-${name}`}
          aria-selected={tab === name}
          aria-controls="supervisor-panel"
          tabIndex={tab === name ? 0 : -1}
          className="tabs__tab"
          onClick={() => setTab(name)}
          data-testid={`supervisor-tab-${name}`}
        >
          {t(`tabs.${name}`)}
        </button>
      ))}
    </div>
  );
}
