import { screen, type BrowserWindow, type Rectangle } from 'electron';
import type { KeyValueStore } from '../ports';

/** The window opens where the rater left it, unless that place is no longer on any screen. */
export function restoredBounds(store: KeyValueStore): Partial<Rectangle> {
  const saved = store.get('windowBounds') as Partial<Rectangle> | undefined;
  if (!saved || typeof saved.x !== 'number' || typeof saved.y !== 'number' || typeof saved.width !== 'number' || typeof saved.height !== 'number') return {};
  const visible = screen.getAllDisplays().some(({ workArea }) => saved.x! < workArea.x + workArea.width && saved.x! + saved.width! > workArea.x && saved.y! < workArea.y + workArea.height && saved.y! + saved.height! > workArea.y);
  return visible ? saved : { width: saved.width, height: saved.height };
}

export function rememberBounds(window: BrowserWindow, store: KeyValueStore): void {
  let timer: NodeJS.Timeout | null = null;
  const save = () => {
    if (!window.isDestroyed() && !window.isMinimized() && !window.isMaximized()) store.set('windowBounds', window.getBounds());
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', save);
}
