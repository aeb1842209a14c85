import { mainText } from './mainText';

/**
 * The application menu, described without Electron (window/appMenu.ts builds
 * it), so it is tested under Node. Minimal and in the rater's language: the
 * edit roles text fields need, zoom (200% must work), window and quit. No
 * Reload or Developer Tools in a packaged build: a rater must not be able to
 * script window.verdict (forge active time, say) from the console.
 */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'togglefullscreen'
  | 'minimize'
  | 'close'
  | 'quit'
  | 'reload'
  | 'toggleDevTools'
  | 'about'
  | 'hide'
  | 'hideOthers'
  | 'unhide';

/** Items main handles itself (window/appMenu.ts maps them to click handlers). */
export type MenuAction = 'openLogs';

export interface MenuEntry {
  label?: string;
  role?: MenuRole;
  action?: MenuAction;
  type?: 'separator';
  submenu?: MenuEntry[];
}

export function menuTemplate(options: { language: string | null; packaged: boolean; platform: NodeJS.Platform; appName: string }): MenuEntry[] {
  const text = (key: string) => mainText(options.language, key);
  const item = (role: MenuRole, key: string): MenuEntry => ({ role, label: text(key) });
  const separator: MenuEntry = { type: 'separator' };
  const developer: MenuEntry[] = options.packaged ? [] : [separator, item('reload', 'menu.reload'), item('toggleDevTools', 'menu.devTools')];
  const app: MenuEntry[] =
    options.platform === 'darwin'
      ? [
          {
            label: options.appName,
            submenu: [item('about', 'menu.about'), separator, item('hide', 'menu.hide'), item('hideOthers', 'menu.hideOthers'), item('unhide', 'menu.showAll'), separator, item('quit', 'menu.quit')],
          },
        ]
      : [{ label: text('menu.file'), submenu: [item('quit', 'menu.quit')] }];
  return [
    ...app,
    {
      label: text('menu.edit'),
      submenu: [item('undo', 'menu.undo'), item('redo', 'menu.redo'), separator, item('cut', 'menu.cut'), item('copy', 'menu.copy'), item('paste', 'menu.paste'), item('selectAll', 'menu.selectAll')],
    },
    {
      label: text('menu.view'),
      submenu: [item('zoomIn', 'menu.zoomIn'), item('zoomOut', 'menu.zoomOut'), item('resetZoom', 'menu.resetZoom'), separator, item('togglefullscreen', 'menu.fullScreen'), ...developer],
    },
    { label: text('menu.window'), submenu: [item('minimize', 'menu.minimize'), item('close', 'menu.close')] },
    { label: text('menu.help'), submenu: [{ action: 'openLogs', label: text('menu.openLogs') }] },
  ];
}
