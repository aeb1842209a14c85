import type { InvokeHandlers } from '../../../shared/ipc/contract';
import type { DESKTOP_INVOKE_CHANNELS } from '../../../shared/ipc/features/desktopChannels';
import type { HttpPort, Timers } from '../ports';
import { testConnection } from '../services/network/connectionTest';
import type { ProxySettings } from '../services/network/proxySetting';
import type { UpdateService } from '../services/updates/updateService';

export interface DesktopDeps {
  http: HttpPort;
  timers: Timers;
  proxy: ProxySettings;
  updates: UpdateService;
}

/** Settings' "Connection" and "Updates": the proxy choice, the connection test, the update state. */
export function createDesktopHandlers(deps: DesktopDeps): Pick<InvokeHandlers, (typeof DESKTOP_INVOKE_CHANNELS)[number]> {
  return {
    'network.getProxy': async () => deps.proxy.state(),
    'network.setProxy': (setting) => deps.proxy.set(setting),
    'network.testConnection': ({ serverUrl }) => testConnection(serverUrl, { http: deps.http, now: deps.timers.now }),
    'updates.getStatus': async () => deps.updates.status(),
    'updates.checkNow': () => deps.updates.checkNow(),
  };
}
