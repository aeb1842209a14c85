import { describe, expect, it, vi } from 'vitest';
import type { InvokeHandlers } from '../../../shared/ipc/contract';
import { createDispatch } from '../../../electron/main/ipc/dispatch';

function handlers(overrides: Partial<InvokeHandlers> = {}): InvokeHandlers {
  const unused = async () => {
    throw new Error('not used in this test');
  };
  return {
    'app.getInfo': async () => ({ name: 'Verdict', version: '1.2.3', host: 'web', platform: 'linux', systemLanguages: [], developerLocales: false }),
    'backend.getStatus': unused,
    'backend.checkNow': unused,
    'prefs.get': unused,
    'prefs.setLanguage': async ({ language }) => ({ language }),
    'shell.openExternal': unused,
    ...overrides,
  } as InvokeHandlers;
}

describe('the IPC dispatcher', () => {
  it('answers a known channel with the handler’s value in an ok envelope', async () => {
    const dispatch = createDispatch(handlers());
    await expect(dispatch('app.getInfo', {})).resolves.toEqual({
      ok: true,
      value: { name: 'Verdict', version: '1.2.3', host: 'web', platform: 'linux', systemLanguages: [], developerLocales: false },
    });
  });

  it('refuses an unknown channel without running anything', async () => {
    const dispatch = createDispatch(handlers());
    const result = await dispatch('fs.readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('refuses arguments that fail the channel’s schema, naming the problem', async () => {
    const setLanguage = vi.fn(async ({ language }: { language: string }) => ({ language }));
    const dispatch = createDispatch(handlers({ 'prefs.setLanguage': setLanguage as never }));
    const result = await dispatch('prefs.setLanguage', { language: '<script>' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(!result.ok && result.error.message).toContain('language');
    expect(setLanguage).not.toHaveBeenCalled();
  });

  it('refuses unknown extra fields, so a renderer cannot smuggle data to a handler', async () => {
    const dispatch = createDispatch(handlers());
    const result = await dispatch('prefs.setLanguage', { language: 'ar', admin: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
  });

  it('turns a failing handler into an internal error instead of crashing main', async () => {
    const log = vi.fn();
    const failing = handlers({
      'app.getInfo': async () => {
        throw new Error('disk on fire');
      },
    });
    const result = await createDispatch(failing, log)('app.getInfo', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'app.getInfo failed: disk on fire' } });
    expect(log).toHaveBeenCalledOnce();
  });
});
