import { app, BrowserWindow, dialog, session } from 'electron';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createElectronLinkOpener } from './adapters/electronLinks';
import { createAxiosHttp } from './adapters/axiosHttp';
import { electronFetch, electronProxy } from './adapters/electronNetwork';
import { createElectronUpdater } from './adapters/electronUpdater';
import { createElectronPreferencesStore } from './adapters/electronStore';
import { createSafeStorageVault } from './adapters/safeStorageVault';
import { createMainServices, type MainServices } from './composeServices';
import { createRotatingLog } from './services/logging/rotatingLog';
import { mainText } from './services/mainText';
import { forwardEvents, registerIpc } from './ipc/registerIpc';
import { systemTimers } from './ports';
import { registerAppScheme, serveRendererOverAppProtocol } from './window/appProtocol';
import { installAppMenu } from './window/appMenu';
import { installCrashRecovery } from './window/crashRecovery';
import { installTray } from './window/tray';
import { rememberBounds, restoredBounds } from './window/windowState';
import { createMainWindow } from './window/mainWindow';
import { denyAllPermissions, installWebContentsGuards } from './window/securityGuards';

/**
 * Electron composition root: builds the adapters, wires the services and
 * opens the window. No logic lives here; everything it calls is tested on its
 * own (services under Node, the glue by typecheck and the _electron e2e).
 */
const DEFAULT_BACKEND_URL = 'http://127.0.0.1:8787';
const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
// Packaged: electron-builder copies assets/build/tray.png beside the app (extraResources).
const trayIconPath = app.isPackaged ? path.join(process.resourcesPath, 'tray.png') : fileURLToPath(new URL('../../assets/build/tray.png', import.meta.url));

registerAppScheme();
const preferencesStore = createElectronPreferencesStore();
installWebContentsGuards();
// Main's errors go to a rotating, redacted log the rater can open from Help (services/logging).
const log = createRotatingLog({ dir: path.join(app.getPath('userData'), 'logs') });
process.on('uncaughtException', (error) => log.write('error', `uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => log.write('error', `unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let services: MainServices | null = null;
  let quitting = false;
  app.on('second-instance', () => focusExistingWindow());
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (!services || quitting) return;
    // One bounded attempt to deliver unsent votes; they are safe on disk either way.
    event.preventDefault();
    quitting = true;
    const running = services;
    void running.sync
      .flush(3_000)
      .then(async (delivered) => {
        if (delivered) return;
        const count = running.journal.pendingCount();
        const language = preferencesStore.get('language') as string | null;
        await dialog.showMessageBox({
          type: 'info',
          message: mainText(language, 'quit.unsent', { count }),
          detail: mainText(language, 'quit.safe'),
        });
      })
      .finally(() => {
        running.stop();
        app.quit();
      });
  });
  void app.whenReady().then(async () => {
    services = await start();
  });
}

async function start(): Promise<MainServices> {
  denyAllPermissions(session.defaultSession);
  serveRendererOverAppProtocol(rendererRoot);
  const dataDir = app.getPath('userData');
  const services = await createMainServices({
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      host: 'electron',
      platform: process.platform,
      systemLanguages: app.getPreferredSystemLanguages().slice(0, 32),
      developerLocales: process.env.VERDICT_PSEUDO_LOCALE === '1',
    },
    backendUrl: process.env.VERDICT_BACKEND_URL ?? DEFAULT_BACKEND_URL,
    dataDir,
    // Chromium's network stack: system proxy, PAC, OS certificates (adapters/electronNetwork.ts).
    http: createAxiosHttp({ fetch: electronFetch }),
    proxy: electronProxy,
    updater: updaterFor(),
    preferencesStore,
    tokenVault: createSafeStorageVault(path.join(dataDir, 'session.bin'), (message) => log.write('warn', message)),
    links: createElectronLinkOpener(() => preferencesStore.get('language') as string | null),
    timers: systemTimers,
    log: (message) => log.write('warn', message),
    bundledBackend: process.env.VERDICT_BUNDLED_BACKEND === '1',
    // The menu speaks the rater's language: rebuild it when they switch.
    onLanguageChanged: (language) => installAppMenu(language, log.dir),
  });
  installAppMenu(preferencesStore.get('language') as string | null, log.dir);
  registerIpc(services.dispatch);
  const window = createMainWindow(preloadPath, restoredBounds(preferencesStore));
  rememberBounds(window, preferencesStore);
  installCrashRecovery(window, (level, message) => log.write(level, message));
  installTray(services, trayIconPath, () => preferencesStore.get('language') as string | null);
  forwardEvents(services.events, window.webContents);
  return services;
}

/**
 * Updates need a packaged build (electron-updater replaces the installed app)
 * and a feed: VERDICT_UPDATE_FEED, or the feed the release workflow wrote
 * into package.json ("verdict.updateFeedUrl", see .github/workflows/ci.yml).
 */
function updaterFor(): { port: ReturnType<typeof createElectronUpdater> | null; disabledReason?: string } {
  if (!app.isPackaged) return { port: null, disabledReason: 'updates apply to installed builds only' };
  const feed = process.env.VERDICT_UPDATE_FEED ?? packagedFeedUrl();
  if (!feed || !URL.canParse(feed) || new URL(feed).protocol !== 'https:') return { port: null, disabledReason: 'no https update feed is configured for this build' };
  return { port: createElectronUpdater(feed, (message) => log.write('warn', message)) };
}

function packagedFeedUrl(): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.join(app.getAppPath(), 'package.json'), 'utf8')) as { verdict?: { updateFeedUrl?: unknown } };
    return typeof manifest.verdict?.updateFeedUrl === 'string' ? manifest.verdict.updateFeedUrl : undefined;
  } catch {
    return undefined;
  }
}

function focusExistingWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}
