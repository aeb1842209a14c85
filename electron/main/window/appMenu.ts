import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { menuTemplate, type MenuAction, type MenuEntry } from '../services/menuTemplate';

/** Installs the translated application menu (rebuilt when the rater changes language). */
export function installAppMenu(language: string | null, logDir: string): void {
  const actions: Record<MenuAction, () => void> = { openLogs: () => void shell.openPath(logDir) };
  const toElectron = (entry: MenuEntry): MenuItemConstructorOptions => ({
    ...(entry.label ? { label: entry.label } : {}),
    ...(entry.role ? { role: entry.role } : {}),
    ...(entry.type ? { type: entry.type } : {}),
    ...(entry.action ? { click: actions[entry.action] } : {}),
    ...(entry.submenu ? { submenu: entry.submenu.map(toElectron) } : {}),
  });
  const template = menuTemplate({ language, packaged: app.isPackaged, platform: process.platform, appName: app.getName() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template.map(toElectron)));
}
