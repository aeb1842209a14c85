/**
 * Only our own top-level page may call main. Iframes (even same-origin ones)
 * and pages on any other origin are refused, as VS Code's ValidatedIpcMain
 * does, because a compromised or navigated frame must not reach IPC.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'verdict';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface SenderFrameFacts {
  url: string | undefined;
  isTopFrame: boolean;
}

export function isTrustedSender(frame: SenderFrameFacts | null | undefined): boolean {
  if (!frame || !frame.isTopFrame || !frame.url) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}
