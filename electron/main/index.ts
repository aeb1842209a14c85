import { app, BrowserWindow, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { createElectronLinkOpener } from './adapters/electronLinks';
import { createAxiosHttp } from './adapters/axiosHttp';
import { createElectronPreferencesStore } from './adapters/electronStore';
import { createMainServices, type MainServices } from './composeServices';
import { forwardEvents, registerIpc } from './ipc/registerIpc';
import { systemTimers } from './ports';
import { registerAppScheme, serveRendererOverAppProtocol } from './window/appProtocol';
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

registerAppScheme();
installWebContentsGuards();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let services: MainServices | null = null;
  app.on('second-instance', () => focusExistingWindow());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => services?.stop());
  void app.whenReady().then(() => {
    services = start();
  });
}

function start(): MainServices {
  denyAllPermissions(session.defaultSession);
  serveRendererOverAppProtocol(rendererRoot);
  const services = createMainServices({
    appInfo: { name: app.getName(), version: app.getVersion(), host: 'electron', platform: process.platform },
    backendUrl: process.env.VERDICT_BACKEND_URL ?? DEFAULT_BACKEND_URL,
    http: createAxiosHttp(),
    preferencesStore: createElectronPreferencesStore(),
    links: createElectronLinkOpener(),
    timers: systemTimers,
  });
  registerIpc(services.dispatch);
  const window = createMainWindow(preloadPath);
  forwardEvents(services.events, window.webContents);
  return services;
}

function focusExistingWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}
