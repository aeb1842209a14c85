import { useEffect, useRef } from 'react';
import type { KeyAction } from '../../../../shared/ipc/contract';
import { actionForKey } from './keyBindings';

/** Typing in a field must never vote: keys belong to the field while it has focus. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

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
      const action = actionForKey(event, bindings);
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [bindings, enabled]);
}
