import { app, BrowserWindow, type Rectangle } from 'electron';
import { APP_ORIGIN } from '../ipc/senderPolicy';

/**
 * The one application window. The security-relevant preferences are spelled
 * out even where they are Electron's defaults, so a reader (and a linter such
 * as Electronegativity) sees them without knowing the defaults.
 */
export function createMainWindow(preloadPath: string, bounds: Partial<Rectangle> = {}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    ...bounds,
    minWidth: 480,
    minHeight: 400,
    show: false,
    title: 'Verdict',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      // A packaged build has no DevTools: a rater must not script window.verdict from a console.
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
