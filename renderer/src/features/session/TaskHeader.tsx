import { useTranslation } from 'react-i18next';
import type { PublicTask } from '../../../../shared/ipc/contract';
import { useNow } from '../../hooks/useNow';
import { categoryLabel, languageName } from '../../i18n/intl';
import { useSession } from '../../stores/session';
import { RelativeTime } from './RelativeTime';

export function TaskHeader({ task, onSkip, onToggleGuidelines, skipKey, guidelinesKey }: {
  task: PublicTask;
  onSkip: () => void;
  onToggleGuidelines: () => void;
  skipKey: string;
  guidelinesKey: string;
}) {
  const { t, i18n } = useTranslation();
  const session = useSession((state) => state.session);
  const done = useSession((state) => state.doneThisSession);
  const now = useNow(30_000);
  const expired = Date.parse(task.leaseExpiresAt) <= now;
  return (
    <header className="task-header">
      <dl className="task-header__facts">
        <div>
          <dt>{t('session.done')}</dt>
          <dd data-testid="done-count">{t('session.doneCount', { count: done })}</dd>
        </div>
        <div>
          <dt>{t('session.remaining')}</dt>
          <dd data-testid="remaining-count">{t('session.remainingCount', { count: session?.remaining ?? 0 })}</dd>
        </div>
        <div>
          <dt>{t('session.leaseExpires')}</dt>
          <dd className={expired ? 'text-warn' : undefined}>
            {expired ? t('session.leaseExpired') : <RelativeTime iso={task.leaseExpiresAt} tense="future" />}
          </dd>
        </div>
        <div>
          <dt>{t('session.language')}</dt>
          <dd>
            <bdi>{languageName(task.language, i18n.language)}</bdi> · <bdi>{categoryLabel(t, task.category)}</bdi>
          </dd>
        </div>
      </dl>
      <div className="task-header__actions">
        <button type="button" className="button button--quiet" onClick={onToggleGuidelines} aria-keyshortcuts={guidelinesKey}>
          {t('session.guidelines')} <kbd>{guidelinesKey}</kbd>
        </button>
        <button type="button" className="button button--quiet" onClick={onSkip} aria-keyshortcuts={skipKey} data-testid="skip-button">
          {t('session.skip')} <kbd>{skipKey}</kbd>
        </button>
      </div>
    </header>
  );
}
