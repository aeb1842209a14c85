import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { KEY_ACTIONS } from '../../../../shared/ipc/sessionDefaults';
import type { KeyAction } from '../../../../shared/ipc/contract';

/**
 * "?" lists every session shortcut from the live bindings (so a remapped key
 * shows as remapped), labelled as the rater's keyboard layout prints them.
 * A modal dialog: Escape or the button closes it, focus returns to the page.
 */
export function ShortcutSheet({ label, onClose }: { label: (action: KeyAction) => string; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="dialog shortcut-sheet" aria-labelledby="shortcuts-title" onCancel={onClose} onClose={onClose} data-testid="shortcut-sheet">
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <table className="shortcut-sheet__table">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.key')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {KEY_ACTIONS.map((action) => (
            <tr key={action} data-action={action}>
              <td>
                <kbd>{label(action)}</kbd>
              </td>
              <td>{t(`keyAction.${action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field__hint">{t('shortcuts.standard')}</p>
      <p className="field__hint">{t('shortcuts.hint')}</p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose} autoFocus data-testid="shortcut-sheet-close">
          {t('shortcuts.close')}
        </button>
      </div>
    </dialog>
  );
}
