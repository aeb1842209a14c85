import { describe, expect, it } from 'vitest';
import {
  actionForChoice,
  actionForKey,
  choiceForAction,
  conflictingAction,
  DEFAULT_KEY_BINDINGS,
  effectiveBindings,
  keyLabel,
} from '../../../../renderer/src/features/session/keyBindings';

const press = (code: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('session key bindings', () => {
  describe('every default binding', () => {
    it.each(Object.entries(DEFAULT_KEY_BINDINGS))('%s is triggered by %s', (action, code) => {
      expect(actionForKey(press(code), DEFAULT_KEY_BINDINGS)).toBe(action);
    });
  });

  it('binds physical keys, so the key labelled "&" on AZERTY (Digit1) still picks the left response', () => {
    expect(actionForKey(press('Digit1'), DEFAULT_KEY_BINDINGS)).toBe('pickLeft');
  });

  it('leaves system shortcuts alone (Ctrl+1, Alt+2, Cmd+S)', () => {
    expect(actionForKey(press('Digit1', { ctrlKey: true }), DEFAULT_KEY_BINDINGS)).toBeNull();
    expect(actionForKey(press('Digit2', { altKey: true }), DEFAULT_KEY_BINDINGS)).toBeNull();
    expect(actionForKey(press('KeyS', { metaKey: true }), DEFAULT_KEY_BINDINGS)).toBeNull();
  });

  it('also accepts Ctrl+Z and Cmd+Z for undo', () => {
    expect(actionForKey(press('KeyZ', { ctrlKey: true }), DEFAULT_KEY_BINDINGS)).toBe('undo');
    expect(actionForKey(press('KeyZ', { metaKey: true }), DEFAULT_KEY_BINDINGS)).toBe('undo');
  });

  it('ignores keys bound to nothing', () => {
    expect(actionForKey(press('KeyQ'), DEFAULT_KEY_BINDINGS)).toBeNull();
  });

  it('applies a remapped key and drops the old one for that action', () => {
    const bindings = effectiveBindings({ pickLeft: 'KeyA', pickRight: 'KeyL' });
    expect(actionForKey(press('KeyA'), bindings)).toBe('pickLeft');
    expect(actionForKey(press('KeyL'), bindings)).toBe('pickRight');
    expect(actionForKey(press('Digit1'), bindings)).toBeNull();
  });

  it('refuses a key already used by another action', () => {
    expect(conflictingAction(DEFAULT_KEY_BINDINGS, 'skip', 'Digit3')).toBe('tie');
    expect(conflictingAction(DEFAULT_KEY_BINDINGS, 'skip', 'KeyS')).toBeNull();
  });

  describe('left-to-right layouts', () => {
    it('the left key picks the first response and the right key the second', () => {
      expect(choiceForAction('pickLeft', 'ltr')).toBe('first');
      expect(choiceForAction('pickRight', 'ltr')).toBe('second');
      expect(actionForChoice('first', 'ltr')).toBe('pickLeft');
    });
  });

  describe('right-to-left layouts (Arabic, Hebrew, Persian, Urdu)', () => {
    it('the first response is on the right, so the right-hand key picks it', () => {
      expect(choiceForAction('pickRight', 'rtl')).toBe('first');
      expect(choiceForAction('pickLeft', 'rtl')).toBe('second');
      expect(actionForChoice('first', 'rtl')).toBe('pickRight');
      expect(actionForChoice('second', 'rtl')).toBe('pickLeft');
    });

    it('tie, both bad and can’t read do not depend on direction', () => {
      for (const dir of ['ltr', 'rtl'] as const) {
        expect(choiceForAction('tie', dir)).toBe('tie');
        expect(choiceForAction('bothBad', dir)).toBe('both_bad');
        expect(choiceForAction('cantRead', dir)).toBe('cant_read');
      }
    });
  });

  it('labels keys from the layout map when the browser has one, else from the code', () => {
    expect(keyLabel('KeyQ', new Map([['KeyQ', 'a']]))).toBe('A');
    expect(keyLabel('KeyQ', new Map([['KeyQ', 'й']]))).toBe('Й');
    expect(keyLabel('KeyS')).toBe('S');
    expect(keyLabel('Digit3')).toBe('3');
    expect(keyLabel('Enter')).toBe('⏎');
  });
});
