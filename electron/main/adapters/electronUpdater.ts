import electronUpdater from 'electron-updater';
import type { UpdaterPort } from '../services/updates/updateService';

/**
 * UpdaterPort over electron-updater, reading a generic feed (latest.yml and
 * the installers, as electron-builder publishes them) at `feedUrl`. Downloads
 * start on their own; `autoInstallOnAppQuit` installs on the next quit and
 * nothing here ever calls quitAndInstall. Signatures are verified by
 * electron-updater against the running app's publisher (Windows) or by the
 * OS (macOS) before anything installs.
 */
export function createElectronUpdater(feedUrl: string, log: (message: string) => void): UpdaterPort {
  // electron-updater is CommonJS; its default export carries the named ones under ESM.
  const { autoUpdater } = electronUpdater;
  autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowDowngrade = false;
  autoUpdater.logger = { info: () => undefined, warn: (message: unknown) => log(`updater: ${String(message)}`), error: (message: unknown) => log(`updater: ${String(message)}`) };
  // Without a listener electron-updater rethrows errors as unhandled; check() reports them instead.
  autoUpdater.on('error', (error) => log(`updater: ${error.message}`));
  return {
    async check() {
      const result = await autoUpdater.checkForUpdates();
      if (!result?.isUpdateAvailable) return null;
      // A failed download surfaces through 'error' (logged) and the next check retries.
      result.downloadPromise?.catch((error: Error) => log(`updater: download failed: ${error.message}`));
      return { version: result.updateInfo.version };
    },
    onDownloaded(listener) {
      autoUpdater.on('update-downloaded', (info) => listener(info.version));
    },
  };
}
