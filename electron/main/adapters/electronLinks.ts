import { BrowserWindow, dialog, shell } from 'electron';
import type { ExternalLinkOpener } from '../ports';

/** Asks before any link leaves the app; the URL was already checked to be https. */
export function createElectronLinkOpener(): ExternalLinkOpener {
  return {
    async confirmAndOpen(url) {
      const parent = BrowserWindow.getFocusedWindow();
      const options = {
        type: 'question' as const,
        buttons: ['Open', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: 'Open this link in your browser?',
        detail: url,
      };
      const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
      if (response !== 0) return false;
      await shell.openExternal(url);
      return true;
    },
  };
}
