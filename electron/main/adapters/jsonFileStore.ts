import { readJsonFile, writeFileAtomic } from '../services/storage/atomicFile';
import type { KeyValueStore } from '../ports';

/**
 * Preferences as one small JSON file, for the web host where electron-store
 * cannot load (it imports electron). A file that does not parse is set aside
 * and treated as empty rather than blocking start-up.
 */
export function createJsonFileStore(filePath: string): KeyValueStore {
  const loaded = readJsonFile(filePath);
  let data: Record<string, unknown> =
    loaded && typeof loaded === 'object' && !Array.isArray(loaded) ? (loaded as Record<string, unknown>) : {};
  return {
    get: (key) => data[key],
    set(key, value) {
      data = { ...data, [key]: value };
      writeFileAtomic(filePath, JSON.stringify(data, null, 2));
    },
  };
}
