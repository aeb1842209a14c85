import { KEY_ACTIONS } from '../../../../shared/ipc/sessionDefaults';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type KeyAction } from '../../../../shared/ipc/contract';
import { usePreferences } from '../../stores/preferences';
import { conflictingAction, DEFAULT_KEY_BINDINGS, effectiveBindings, keyLabel } from '../session/keyBindings';
import { useKeyboardLayout } from '../session/useKeyboardLayout';

/** Remap any session key: press "Change", then the new key. Escape cancels; a key already in use is refused. */
export function KeyBindingsEditor() {
  const { t } = useTranslation();
  const custom = usePreferences((state) => state.keyBindings);
  const save = usePreferences((state) => state.setKeyBindings);
  const bindings = useMemo(() => effectiveBindings(custom), [custom]);
  const layout = useKeyboardLayout();
  const [capturing, setCapturing] = useState<KeyAction | null>(null);
  const [conflict, setConflict] = useState<{ action: KeyAction; other: KeyAction } | null>(null);

  useEffect(() => {
    if (!capturing) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      event.preventDefault();
      event.stopPropagation();
      if (event.code === 'Escape' || event.code === 'Tab') return setCapturing(null);
      const other = conflictingAction(bindings, capturing, event.code);
      if (other) return setConflict({ action: capturing, other });
      setConflict(null);
      setCapturing(null);
      void save({ ...custom, [capturing]: event.code });
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [capturing, bindings, custom, save]);

  return (
    <fieldset className="keymap" data-testid="keymap">
      <legend>{t('settings.keys')}</legend>
      <p className="field__hint">{t('settings.keysHint')}</p>
      <table className="keymap__table">
        <tbody>
          {KEY_ACTIONS.map((action) => (
            <tr key={action}>
              <th scope="row">{t(`keyAction.${action}`)}</th>
              <td>
                <kbd data-testid={`key-${action}`}>{keyLabel(bindings[action], layout)}</kbd>
              </td>
              <td>
                <button type="button" className="button button--quiet" onClick={() => setCapturing(action)} aria-pressed={capturing === action} data-testid={`rebind-${action}`}>
                  {capturing === action ? t('settings.pressKey') : t('settings.changeKey')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {conflict ? (
        <p className="notice notice--error" role="alert">
          {t('settings.keyConflict', { action: t(`keyAction.${conflict.action}`), other: t(`keyAction.${conflict.other}`) })}
        </p>
      ) : null}
      <button type="button" className="button button--quiet" onClick={() => void save({})} disabled={Object.keys(custom).length === 0 && bindings === DEFAULT_KEY_BINDINGS}>
        {t('settings.resetKeys')}
      </button>
    </fieldset>
  );
}
