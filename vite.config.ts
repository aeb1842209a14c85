import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * The renderer's Vite config: a plain React app whose root is renderer/.
 * electron.vite.config.ts reuses it for the renderer target, so the web host
 * and Electron serve byte-identical builds.
 */
const root = import.meta.dirname;

/**
 * @fontsource declares every face as woff2 with a woff fallback. Chromium
 * (Electron and the web host alike) always takes woff2, so the woff copies
 * would only double the fonts in the app: drop them from the CSS before Vite
 * collects the files.
 */
function woff2Only(): Plugin {
  return {
    name: 'verdict:woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/].*\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, ''), map: null };
    },
  };
}

export const rendererConfig: UserConfig = {
  root: resolve(root, 'renderer'),
  plugins: [woff2Only(), react()],
  build: {
    outDir: resolve(root, 'out/renderer'),
    emptyOutDir: true,
    // electron-vite leaves output unminified by default; the renderer is shipped and measured, so minify it.
    minify: true,
    // Never inline assets as data: URIs: the CSP allows fonts only from 'self' (KaTeX ships fonts).
    assetsInlineLimit: 0,
    // The markdown/math/highlighting chunk (~600 kB) is lazy-loaded after sign-in, off the first paint.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      input: resolve(root, 'renderer/index.html'),
      output: {
        // Locale files are chunks of their own, named for what they are (locale-ja-common-<hash>.js),
        // so a bundle listing or a benchmark can tell them from code.
        chunkFileNames: (chunk) => {
          const match = /[\\/]locales[\\/]([^\\/]+)[\\/]([^\\/]+)\.json$/.exec(chunk.facadeModuleId ?? '');
          return match ? `assets/locale-${match[1]}-${match[2]}-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
};

export default defineConfig(rendererConfig);
