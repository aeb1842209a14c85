import type { AppInfo } from '../../shared/ipc/contract';
import { createInvokeHandlers } from './handlers';
import { createDispatch, type Dispatch } from './ipc/dispatch';
import type { ExternalLinkOpener, HttpPort, KeyValueStore, Timers } from './ports';
import { createBackendHealthMonitor, type BackendHealthMonitor } from './services/backendHealth';
import { EventBus } from './services/eventBus';
import { createPreferencesService } from './services/preferences';

export interface MainPorts {
  appInfo: AppInfo;
  backendUrl: string;
  http: HttpPort;
  preferencesStore: KeyValueStore;
  links: ExternalLinkOpener;
  timers: Timers;
}

export interface MainServices {
  dispatch: Dispatch;
  events: EventBus;
  health: BackendHealthMonitor;
  stop(): void;
}

/**
 * Wires every main-process service from its ports. The Electron composition
 * root and the web host both call this, with different adapters, so the two
 * hosts cannot drift apart.
 */
export function createMainServices(ports: MainPorts): MainServices {
  const events = new EventBus();
  const health = createBackendHealthMonitor({
    baseUrl: ports.backendUrl,
    http: ports.http,
    timers: ports.timers,
    onChange: (status) => events.emit('backend.status', status),
  });
  const preferences = createPreferencesService(ports.preferencesStore);
  const handlers = createInvokeHandlers({ appInfo: ports.appInfo, health, preferences, links: ports.links });
  health.start();
  return { dispatch: createDispatch(handlers), events, health, stop: () => health.stop() };
}
