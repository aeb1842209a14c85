import { describe, expect, it } from 'vitest';
import type { ProxySetting } from '../../../shared/ipc/features/desktopContract';
import { createProxySettings, type ProxyPort } from '../../../electron/main/services/network/proxySetting';
import type { KeyValueStore } from '../../../electron/main/ports';

function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore {
  const values = new Map(Object.entries(initial));
  return { get: (key) => values.get(key), set: (key, value) => void values.set(key, value) };
}

/** Records what reached the transport, as session.setProxy would receive it. */
function recordingProxy(failFor?: ProxySetting['mode']): ProxyPort & { applied: ProxySetting[] } {
  const applied: ProxySetting[] = [];
  return {
    configurable: true,
    applied,
    async apply(setting) {
      if (setting.mode === failFor) throw new Error('bad proxy rules');
      applied.push(setting);
    },
  };
}

describe('the proxy setting', () => {
  it('defaults to the system proxy and applies it before the first request', async () => {
    const port = recordingProxy();
    const proxy = createProxySettings(memoryStore(), port);
    await proxy.applyStored();
    expect(port.applied).toEqual([{ mode: 'system' }]);
    expect(proxy.state()).toEqual({ setting: { mode: 'system' }, configurable: true });
  });

  it('applies a manual proxy at once and remembers it across restarts', async () => {
    const store = memoryStore();
    const port = recordingProxy();
    const manual: ProxySetting = { mode: 'manual', rules: 'proxy.example.org:8080', bypass: '<local>' };
    expect(await createProxySettings(store, port).set(manual)).toEqual({ setting: manual, configurable: true });
    const afterRestart = recordingProxy();
    await createProxySettings(store, afterRestart).applyStored();
    expect(afterRestart.applied).toEqual([manual]);
  });

  it('refuses rules that are not proxy rules and keeps the previous setting', async () => {
    const store = memoryStore();
    const proxy = createProxySettings(store, recordingProxy());
    await expect(proxy.set({ mode: 'manual', rules: 'proxy"; rm -rf /', bypass: '' })).rejects.toThrow();
    expect(proxy.state().setting).toEqual({ mode: 'system' });
  });

  it('falls back to the system proxy when a stored setting is unreadable or cannot be applied', async () => {
    const unreadable = recordingProxy();
    await createProxySettings(memoryStore({ proxy: { mode: 'pac', url: 'x' } }), unreadable).applyStored();
    expect(unreadable.applied).toEqual([{ mode: 'system' }]);

    const failing = recordingProxy('manual');
    const logged: string[] = [];
    await createProxySettings(memoryStore({ proxy: { mode: 'manual', rules: 'proxy:1', bypass: '' } }), failing).applyStored((message) => logged.push(message));
    expect(failing.applied).toEqual([{ mode: 'system' }]);
    expect(logged[0]).toMatch(/using the system's/);
  });

  it('is not configurable where the transport is Node (web host): it says so and changes nothing', async () => {
    const store = memoryStore();
    const proxy = createProxySettings(store, { configurable: false, apply: async () => undefined });
    expect(await proxy.set({ mode: 'direct' })).toEqual({ setting: { mode: 'system' }, configurable: false });
    expect(store.get('proxy')).toBeUndefined();
  });
});
