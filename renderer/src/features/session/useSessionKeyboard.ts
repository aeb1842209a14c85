import { useEffect, useRef } from 'react';
import type { KeyAction } from '../../../../shared/ipc/contract';
import { actionForKey } from './keyBindings';

const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/**
 * Typing in a field must never vote: keys belong to a text field (rationale,
 * notes, search) while it has focus. A focused checkbox, radio or button does
 * not type, so digit and letter shortcuts still work there.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/** Enter and Space always belong to the focused control, as everywhere else: they activate it. */
const ACTIVATION_KEYS = new Set(['Enter', 'NumpadEnter', 'Space']);

/**
 * One window-level key handler for the session. Held keys do not repeat a
 * vote, and nothing fires while a modal dialog is open or a field has focus.
 */
export function useSessionKeyboard(bindings: Record<KeyAction, string>, onAction: (action: KeyAction) => void, enabled: boolean): void {
  const handler = useRef(onAction);
  useEffect(() => {
    handler.current = onAction;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || event.isComposing || isTypingTarget(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const focusedControl = event.target instanceof HTMLElement && event.target !== document.body && event.target.matches('button, a, summary, input, [tabindex]');
      if (focusedControl && ACTIVATION_KEYS.has(event.code)) return;
      const action = event.key === '?' ? 'shortcuts' : actionForKey(event, bindings);
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [bindings, enabled]);
}
