import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuEntry } from '../../../electron/main/services/menuTemplate';

function roles(entries: MenuEntry[]): string[] {
  return entries.flatMap((entry) => [...(entry.role ? [entry.role] : []), ...roles(entry.submenu ?? [])]);
}

describe('the application menu', () => {
  it('has no Reload or Developer Tools in a packaged build', () => {
    const packaged = roles(menuTemplate({ language: 'en', packaged: true, platform: 'linux', appName: 'Verdict' }));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(packaged).toEqual(expect.arrayContaining(['quit', 'undo', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom']));
    const development = roles(menuTemplate({ language: 'en', packaged: false, platform: 'linux', appName: 'Verdict' }));
    expect(development).toContain('toggleDevTools');
  });

  it("speaks the rater's language", () => {
    const german = menuTemplate({ language: 'de', packaged: true, platform: 'win32', appName: 'Verdict' });
    const english = menuTemplate({ language: 'en', packaged: true, platform: 'win32', appName: 'Verdict' });
    expect(german.map((entry) => entry.label)).not.toEqual(english.map((entry) => entry.label));
    expect(english.map((entry) => entry.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('puts Quit in the application menu on macOS', () => {
    const mac = menuTemplate({ language: 'en', packaged: true, platform: 'darwin', appName: 'Verdict' });
    expect(mac[0]?.label).toBe('Verdict');
    expect(roles([mac[0] as MenuEntry])).toContain('quit');
  });
});
