import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createAxiosHttp } from '../main/adapters/axiosHttp';
import { createFileTokenVault } from '../main/adapters/fileTokenVault';
import { createJsonFileStore } from '../main/adapters/jsonFileStore';
import { createMainServices } from '../main/composeServices';
import { systemTimers } from '../main/ports';
import { startWebHost } from './webHost';

/**
 * `npm run start:web`: the same main-process services as the Electron app,
 * under plain Node, with the renderer served to a browser on loopback.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const usage = 'usage: start:web [--port N] [--backend URL] [--data DIR]';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.VERDICT_WEB_PORT ?? '0' },
    backend: { type: 'string', default: process.env.VERDICT_BACKEND_URL ?? 'http://127.0.0.1:8787' },
    data: { type: 'string', default: process.env.VERDICT_DATA_DIR ?? path.join(os.homedir(), '.verdict-web') },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535. ${usage}`);
if (!URL.canParse(values.backend)) fail(`--backend must be a URL. ${usage}`);
const rendererRoot = path.join(repoRoot, 'out', 'renderer');
if (!fs.existsSync(path.join(rendererRoot, 'index.html'))) fail('the renderer is not built: run `npm run build` first');

fs.mkdirSync(values.data, { recursive: true, mode: 0o700 });
const packageJson = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { productName: string; version: string };

const services = await createMainServices({
  appInfo: { name: packageJson.productName, version: packageJson.version, host: 'web', platform: process.platform, systemLanguages: [], developerLocales: process.env.VERDICT_PSEUDO_LOCALE === '1' },
  backendUrl: values.backend,
  dataDir: values.data,
  http: createAxiosHttp(),
  preferencesStore: createJsonFileStore(path.join(values.data, 'preferences.json')),
  tokenVault: createFileTokenVault(path.join(values.data, 'session.json')),
  links: {
    // A browser tab cannot be asked to confirm from here; the link is printed for the user to open.
    async confirmAndOpen(url) {
      console.log(`link requested (open it yourself if you trust it): ${url}`);
      return false;
    },
  },
  timers: systemTimers,
  bundledBackend: process.env.VERDICT_BUNDLED_BACKEND === '1',
});

const host = await startWebHost({ services, rendererRoot, port });
console.log(`Verdict web host: open ${host.url}`);
console.log(`backend ${values.backend}, data ${values.data}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // One bounded attempt to deliver unsent votes; they are safe on disk either way.
    void services.sync.flush(3_000).then((delivered) => {
      if (!delivered) console.log(`${services.journal.pendingCount()} vote(s) not yet sent: they are safe on disk and will be sent next time`);
      services.stop();
      return host.close();
    }).then(() => process.exit(0));
  });
}

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(2);
}
