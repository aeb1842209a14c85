import { BrowserWindow, dialog, shell } from 'electron';
import type { ExternalLinkOpener } from '../ports';
import { mainText } from '../services/mainText';

/** Asks before any link leaves the app, in the UI language; the URL was already checked to be https. */
export function createElectronLinkOpener(language: () => string | null): ExternalLinkOpener {
  return {
    async confirmAndOpen(url) {
      const parent = BrowserWindow.getFocusedWindow();
      const lng = language();
      const options = {
        type: 'question' as const,
        buttons: [mainText(lng, 'link.open'), mainText(lng, 'link.cancel')],
        defaultId: 1,
        cancelId: 1,
        message: mainText(lng, 'link.question'),
        detail: url,
      };
      const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
      if (response !== 0) return false;
      await shell.openExternal(url);
      return true;
    },
  };
}
