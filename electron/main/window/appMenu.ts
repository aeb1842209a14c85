import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../services/menuTemplate';

/** Installs the translated application menu (rebuilt when the rater changes language). */
export function installAppMenu(language: string | null): void {
  const template = menuTemplate({ language, packaged: app.isPackaged, platform: process.platform, appName: app.getName() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template as MenuItemConstructorOptions[]));
}
