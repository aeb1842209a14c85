import type { AppInfo, InvokeHandlers } from '../../shared/ipc/contract';
import type { ExternalLinkOpener } from './ports';
import type { BackendHealthMonitor } from './services/backendHealth';
import { parseSafeExternalUrl } from './services/externalLinks';
import type { PreferencesService } from './services/preferences';

export interface HandlerDeps {
  appInfo: AppInfo;
  health: BackendHealthMonitor;
  preferences: PreferencesService;
  links: ExternalLinkOpener;
}

/**
 * Binds every RendererApi call to the service that answers it. Both hosts
 * (Electron main and the web host) use this one table, so the renderer gets
 * the same behaviour wherever it runs.
 */
export function createInvokeHandlers(deps: HandlerDeps): InvokeHandlers {
  return {
    'app.getInfo': async () => deps.appInfo,
    'backend.getStatus': async () => deps.health.current(),
    'backend.checkNow': () => deps.health.checkNow(),
    'prefs.get': async () => deps.preferences.read(),
    'prefs.setLanguage': async ({ language }) => deps.preferences.setLanguage(language),
    'shell.openExternal': async ({ url }) => {
      const safe = parseSafeExternalUrl(url);
      if (!safe) return { opened: false };
      return { opened: await deps.links.confirmAndOpen(safe.toString()) };
    },
  };
}
