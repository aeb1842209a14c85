import { net, session } from 'electron';
import type { ProxySetting } from '../../../shared/ipc/features/desktopContract';
import type { ProxyPort } from '../services/network/proxySetting';

/**
 * Main-process HTTP through Chromium's network stack: net.fetch on the default
 * session follows the system proxy (PAC files and WPAD included), answers
 * proxy authentication from the OS where it can, and trusts the OS
 * certificate store — which is what raters behind corporate or national
 * proxies need. Node's own http stack knows none of that.
 */
export const electronFetch: typeof globalThis.fetch = (input, init) => net.fetch(input as string | Request, init);

export const electronProxy: ProxyPort = {
  configurable: true,
  async apply(setting: ProxySetting) {
    const config: Electron.ProxyConfig =
      setting.mode === 'manual' ? { mode: 'fixed_servers', proxyRules: setting.rules, proxyBypassRules: setting.bypass || '<local>' } : { mode: setting.mode };
    await session.defaultSession.setProxy(config);
    // Connections opened under the old setting would otherwise keep going through it.
    await session.defaultSession.closeAllConnections();
  },
};
