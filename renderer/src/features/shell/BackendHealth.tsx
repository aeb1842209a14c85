import { useTranslation } from 'react-i18next';
import { useBackendStatus } from '../../stores/backendStatus';

/** The backend's state as words and a colour; the colour is never the only signal. */
export function BackendHealth() {
  const { t } = useTranslation();
  const status = useBackendStatus((state) => state.status);
  const state = status?.state ?? 'unknown';
  return (
    <span className={`health health--${state}`} data-testid="backend-health" data-state={state} title={status?.detail ?? undefined}>
      <span className="health__dot" aria-hidden="true" />
      {t(`backend.state.${state}`)}
    </span>
  );
}
