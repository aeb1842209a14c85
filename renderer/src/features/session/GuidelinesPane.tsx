import { useTranslation } from 'react-i18next';

const GUIDELINE_POINTS = ['content', 'instructions', 'safety', 'length', 'tie', 'language'] as const;

/** The rating guidelines beside the task, never in another window: checking them must not cost the task. */
export function GuidelinesPane({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const points = GUIDELINE_POINTS.map((point) => t(`guidelines.${point}`));
  return (
    <aside className="guidelines" aria-labelledby="guidelines-title" data-testid="guidelines">
      <h2 id="guidelines-title">{t('guidelines.title')}</h2>
      <ul>
        {points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
      <button type="button" className="button button--quiet" onClick={onClose}>
        {t('guidelines.close')}
      </button>
    </aside>
  );
}
