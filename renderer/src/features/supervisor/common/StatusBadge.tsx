import { useTranslation } from 'react-i18next';
import type { RaterStatus } from '../analysis/raterStatus';

/** Status in words and in shape (circle, triangle, square), never in colour alone. */
export function StatusBadge({ status }: { status: RaterStatus }) {
  const { t } = useTranslation('supervisor');
  return (
    <span className={`status-badge status-badge--${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
