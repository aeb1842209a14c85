import { app, BrowserWindow, Menu, nativeImage, Notification, Tray } from 'electron';
import type { BackendStatus, SessionState, SyncStatus } from '../../../shared/ipc/contract';
import type { MainServices } from '../composeServices';
import { DesktopStatus } from '../services/desktopStatus';
import { mainText } from '../services/mainText';

/**
 * The tray icon (pending-vote count and sync state in its tooltip, a menu to
 * show the window or quit) and the few OS notifications DesktopStatus decides
 * on. Follows main's event bus; checks the clock once a minute for the
 * time-based notices.
 */
export function installTray(services: MainServices, iconPath: string, language: () => string | null): () => void {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  const snapshot: { sync: SyncStatus | null; backend: BackendStatus | null; session: SessionState | null } = { sync: null, backend: null, session: null };
  const status = new DesktopStatus(language, (notice) => {
    if (Notification.isSupported()) new Notification({ title: notice.title, body: notice.body }).show();
  });
  const refresh = () => {
    const { tooltip, pending } = status.update({ ...snapshot, now: Date.now() });
    tray.setToolTip(tooltip);
    if (process.platform === 'darwin') tray.setTitle(pending > 0 ? String(pending) : '');
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: mainText(language(), 'tray.show'), click: showWindow },
        { type: 'separator' },
        { label: mainText(language(), 'menu.quit'), click: () => app.quit() },
      ]),
    );
  };
  const unsubscribe = services.events.subscribe((event, payload) => {
    if (event === 'sync.status') snapshot.sync = payload as SyncStatus;
    else if (event === 'backend.status') snapshot.backend = payload as BackendStatus;
    else if (event === 'session.state') snapshot.session = payload as SessionState;
    else return;
    refresh();
  });
  services.events.replayTo((event, payload) => {
    if (event === 'sync.status') snapshot.sync = payload as SyncStatus;
    if (event === 'backend.status') snapshot.backend = payload as BackendStatus;
    if (event === 'session.state') snapshot.session = payload as SessionState;
  });
  refresh();
  const timer = setInterval(refresh, 60_000);
  tray.on('click', showWindow);
  return () => {
    clearInterval(timer);
    unsubscribe();
    tray.destroy();
  };
}

function showWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
