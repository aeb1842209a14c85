import type { KeyAction, KeyBindings } from '../../../../shared/ipc/contract';
import type { Choice } from '../../../../shared/protocol/votes';

/**
 * Keys are bound by physical position (KeyboardEvent.code), so "1" is the
 * same key on QWERTY, AZERTY, Cyrillic and Arabic layouts. Picking a response
 * is bound to a visual side, not to "first"/"second": in a right-to-left
 * layout the first response sits on the right, and its key moves with it.
 */
export const DEFAULT_KEY_BINDINGS: Record<KeyAction, string> = {
  pickLeft: 'Digit1',
  pickRight: 'Digit2',
  tie: 'Digit3',
  bothBad: 'Digit4',
  cantRead: 'Digit5',
  skip: 'KeyS',
  undo: 'KeyZ',
  guidelines: 'KeyG',
  // "?" on most layouts (Shift+/); the sheet also opens on any key that types "?" (useSessionKeyboard).
  shortcuts: 'Slash',
};

export function effectiveBindings(custom: KeyBindings): Record<KeyAction, string> {
  return { ...DEFAULT_KEY_BINDINGS, ...custom };
}

/** The action a key press asks for, or null. Shortcuts with Ctrl/Alt/Meta belong to the system, except Ctrl+Z for undo. */
export function actionForKey(event: Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'metaKey' | 'altKey'>, bindings: Record<KeyAction, string>): KeyAction | null {
  const modified = event.ctrlKey || event.metaKey || event.altKey;
  if (modified) return (event.ctrlKey || event.metaKey) && event.code === bindings.undo ? 'undo' : null;
  const match = (Object.entries(bindings) as Array<[KeyAction, string]>).find(([, code]) => code === event.code);
  return match ? match[0] : null;
}

export function choiceForAction(action: KeyAction, dir: 'ltr' | 'rtl'): Choice | null {
  switch (action) {
    case 'pickLeft':
      return dir === 'rtl' ? 'second' : 'first';
    case 'pickRight':
      return dir === 'rtl' ? 'first' : 'second';
    case 'tie':
      return 'tie';
    case 'bothBad':
      return 'both_bad';
    case 'cantRead':
      return 'cant_read';
    default:
      return null;
  }
}

/** Which action picks a choice, for showing the key on its button. */
export function actionForChoice(choice: Choice, dir: 'ltr' | 'rtl'): KeyAction {
  switch (choice) {
    case 'first':
      return dir === 'rtl' ? 'pickRight' : 'pickLeft';
    case 'second':
      return dir === 'rtl' ? 'pickLeft' : 'pickRight';
    case 'tie':
      return 'tie';
    case 'both_bad':
      return 'bothBad';
    case 'cant_read':
      return 'cantRead';
  }
}

/** Two actions on one key would make one of them unreachable. */
export function conflictingAction(bindings: Record<KeyAction, string>, action: KeyAction, code: string): KeyAction | null {
  const other = (Object.entries(bindings) as Array<[KeyAction, string]>).find(([name, bound]) => name !== action && bound === code);
  return other ? other[0] : null;
}

const NAMED_KEYS: Record<string, string> = { Enter: '⏎', Space: '␣', Escape: 'Esc', Backspace: '⌫', Tab: '⇥' };

/**
 * A label for a key as the rater's keyboard shows it: the layout map when the
 * browser offers one (Chromium does), else derived from the code.
 */
export function keyLabel(code: string, layout?: ReadonlyMap<string, string> | null): string {
  const fromLayout = layout?.get(code);
  if (fromLayout && fromLayout.trim()) return fromLayout.toLocaleUpperCase();
  if (NAMED_KEYS[code]) return NAMED_KEYS[code] as string;
  const match = /^(?:Key|Digit|Numpad)(.+)$/.exec(code);
  return match ? (match[1] as string) : code;
}
