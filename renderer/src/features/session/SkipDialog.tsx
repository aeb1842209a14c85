import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SkipReason } from '../../../../shared/ipc/contract';

const REASONS: SkipReason[] = ['too_long', 'unclear_task', 'not_my_expertise', 'other'];

/**
 * Skip with a reason. No reason is pre-selected (a default would be recorded
 * without a thought); Enter confirms once one is chosen, Escape cancels.
 * Warns only when the rater has typed or picked something that would be lost.
 */
export function SkipDialog({ unsavedInput, onSkip, onCancel }: { unsavedInput: boolean; onSkip: (reason: SkipReason) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState<SkipReason | null>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="skip-title"
      onCancel={onCancel}
      onKeyDown={(event) => {
        // Enter on a reason (or anywhere but the buttons, which activate themselves) confirms.
        if (event.key !== 'Enter' || event.target instanceof HTMLButtonElement) return;
        event.preventDefault();
        if (reason) onSkip(reason);
      }}
      data-testid="skip-dialog"
    >
      <h2 id="skip-title">{t('skip.title')}</h2>
      {unsavedInput ? <p className="notice notice--warn">{t('skip.unsaved')}</p> : null}
      <fieldset>
        <legend>{t('skip.reason')}</legend>
        {REASONS.map((option) => (
          <label key={option} className="radio-row">
            <input type="radio" name="skip-reason" checked={reason === option} onChange={() => setReason(option)} data-testid={`skip-reason-${option}`} />
            {t(`skip.reasons.${option}`)}
          </label>
        ))}
      </fieldset>
      <div className="dialog__actions">
        <button type="button" className="button" disabled={!reason} onClick={() => reason && onSkip(reason)} data-testid="skip-confirm">
          {t('skip.confirm')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('skip.cancel')}
        </button>
      </div>
    </dialog>
  );
}
