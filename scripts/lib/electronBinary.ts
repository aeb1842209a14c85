import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the Electron binary is, or why there is none. We cannot simply
 * require('electron'): since Electron 45 that starts a download when the
 * binary is missing, which hangs or fails on machines without internet.
 */
export function findElectronBinary(): { path: string } | { reason: string } {
  const packageDir = fileURLToPath(new URL('../../node_modules/electron', import.meta.url));
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return existing(path.join(override, relative ?? 'electron'));
  if (!relative) return { reason: 'no Electron binary installed (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)' };
  return existing(path.join(packageDir, 'dist', relative));
}

function existing(binary: string): { path: string } | { reason: string } {
  return fs.existsSync(binary) ? { path: binary } : { reason: `Electron binary missing at ${binary}` };
}

/** Electron on Linux needs an X11 or Wayland display. */
export function displayProblem(): string | null {
  if (process.platform !== 'linux') return null;
  return process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? null : 'no display server (DISPLAY is not set)';
}
