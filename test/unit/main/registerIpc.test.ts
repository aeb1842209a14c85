import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real `electron` package cannot load under plain Node; this stands in for
// ipcMain only, so the wrapper's own logic runs for real.
const handle = vi.fn();
vi.mock('electron', () => ({ ipcMain: { handle } }));

const { registerIpc } = await import('../../../electron/main/ipc/registerIpc');
const { createDispatch } = await import('../../../electron/main/ipc/dispatch');
const { IPC_INVOKE } = await import('../../../shared/ipc/channels');

type Handler = (event: unknown, request: unknown) => Promise<unknown> | unknown;

function registeredHandler(): Handler {
  const dispatch = createDispatch({
    'app.getInfo': async () => ({ name: 'Verdict', version: '0.0.0', host: 'electron', platform: 'linux', systemLanguages: [], developerLocales: false }),
    'prefs.setLanguage': async ({ language }: { language: string }) => ({ language }),
  } as never);
  registerIpc(dispatch);
  const [channel, handler] = handle.mock.calls[0] as [string, Handler];
  expect(channel).toBe(IPC_INVOKE);
  return handler;
}

function eventFrom(url: string, isTopFrame = true) {
  return { senderFrame: { url, parent: isTopFrame ? null : {} } };
}

describe('the Electron IPC entry point', () => {
  beforeEach(() => handle.mockReset());

  it('registers exactly one channel', () => {
    registeredHandler();
    expect(handle).toHaveBeenCalledOnce();
  });

  it('answers our top-level app page', async () => {
    const handler = registeredHandler();
    const result = await handler(eventFrom('app://verdict/index.html'), { channel: 'app.getInfo', args: {} });
    expect(result).toMatchObject({ ok: true, value: { name: 'Verdict' } });
  });

  it('refuses a foreign sender before looking at the request', async () => {
    const handler = registeredHandler();
    const result = await handler(eventFrom('https://attacker.example/'), { channel: 'app.getInfo', args: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('refuses an iframe inside our own page', async () => {
    const handler = registeredHandler();
    const result = await handler(eventFrom('app://verdict/index.html', false), { channel: 'app.getInfo', args: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('refuses a bad payload from a trusted sender with a clear error', async () => {
    const handler = registeredHandler();
    const result = await handler(eventFrom('app://verdict/index.html'), { channel: 'prefs.setLanguage', args: { language: 42 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
  });

  it('refuses a request that is not even an object', async () => {
    const handler = registeredHandler();
    const result = await handler(eventFrom('app://verdict/index.html'), 'app.getInfo');
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });
});
