import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisorFailure } from '../../../../../shared/ipc/features/supervisorContract';
import { MAX_SUPERVISOR_NOTE_CHARS } from '../../../../../shared/ipc/features/supervisorContract';

interface NoteDialogProps {
  title: string;
  description: string;
  confirm: string;
  onSubmit(note: string): Promise<SupervisorFailure | null>;
  onClose(): void;
}

/**
 * Asks for the note every flag, unflag and mark carries (the server keeps it
 * in the audit log). Modal: Escape cancels, focus returns to the opener.
 */
export function NoteDialog({ title, description, confirm, onSubmit, onClose }: NoteDialogProps) {
  const { t } = useTranslation('supervisor');
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SupervisorFailure | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) return;
    setBusy(true);
    const result = await onSubmit(note.trim());
    setBusy(false);
    if (result) setFailure(result);
    else onClose();
  };
  return (
    <dialog
      ref={ref}
      className="dialog note-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
      onClose={onClose}
      data-testid="note-dialog"
    >
      <form method="dialog" onSubmit={(event) => void submit(event)}>
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-description`}>{description}</p>
        <label className="field">
          <span>{t('note.label')}</span>
          <textarea
            value={note}
            maxLength={MAX_SUPERVISOR_NOTE_CHARS}
            required
            rows={4}
            onChange={(event) => setNote(event.target.value)}
            data-testid="note-input"
          />
        </label>
        {failure ? (
          <p className="notice notice--error" role="alert">
            {t(`failure.${failure.reason}`)}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('note.cancel')}
          </button>
          <button type="submit" className="button" disabled={busy || !note.trim()} data-testid="note-submit">
            {confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
