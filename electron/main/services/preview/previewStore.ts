import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SegmentCatalog, SliceSnapshot } from '../../../../shared/ipc/features/leaderboardContract';
import type { SegmentFilter } from '../../../../shared/protocol/leaderboard';
import { Profile } from '../../../../shared/protocol/auth';
import { readJsonFile, writeFileAtomic } from '../storage/atomicFile';
import { sliceKey } from './sliceFilter';

/**
 * Enough for every one-field slice of a network with 70 languages and 100 countries plus the
 * slices a rater explored; bounds the folder (a slice of 200 models is about 1 MB of JSON).
 */
const MAX_SLICES = 200;

/**
 * The preview's disk cache (in the feature's own data folder): one JSON file per fetched
 * slice, named by a hash of (server, normalized filter), plus the filter catalog and the
 * rater's profile. Every file is replaced atomically and validated when read, so a torn
 * or foreign file reads as "never fetched" instead of breaking the page.
 */
export class PreviewStore {
  private readonly slicesDir: string;

  constructor(
    private readonly dir: string,
    private readonly log: (message: string) => void,
    private readonly maxSlices = MAX_SLICES,
  ) {
    this.slicesDir = path.join(dir, 'slices');
  }

  readSlice(serverUrl: string, filter: SegmentFilter): SliceSnapshot | undefined {
    const parsed = SliceSnapshot.safeParse(readJsonFile(this.slicePath(serverUrl, filter), this.log));
    return parsed.success && parsed.data.serverUrl === serverUrl ? parsed.data : undefined;
  }

  writeSlices(snapshots: readonly SliceSnapshot[]): void {
    const written = new Set<string>();
    for (const snapshot of snapshots) {
      const file = this.slicePath(snapshot.serverUrl, snapshot.filter);
      writeFileAtomic(file, JSON.stringify(snapshot));
      written.add(path.basename(file));
    }
    this.evictOldSlices(written);
  }

  readCatalog(serverUrl: string): SegmentCatalog | undefined {
    const stored = readJsonFile(path.join(this.dir, 'catalog.json'), this.log) as { serverUrl?: unknown; catalog?: unknown } | undefined;
    if (stored?.serverUrl !== serverUrl) return undefined;
    const parsed = SegmentCatalog.safeParse(stored.catalog);
    return parsed.success ? parsed.data : undefined;
  }

  writeCatalog(serverUrl: string, catalog: SegmentCatalog): void {
    writeFileAtomic(path.join(this.dir, 'catalog.json'), JSON.stringify({ serverUrl, catalog }));
  }

  readProfile(serverUrl: string): Profile | undefined {
    const stored = readJsonFile(path.join(this.dir, 'profile.json'), this.log) as { serverUrl?: unknown; profile?: unknown } | undefined;
    if (stored?.serverUrl !== serverUrl) return undefined;
    const parsed = Profile.safeParse(stored.profile);
    return parsed.success ? parsed.data : undefined;
  }

  writeProfile(serverUrl: string, profile: Profile): void {
    writeFileAtomic(path.join(this.dir, 'profile.json'), JSON.stringify({ serverUrl, profile }));
  }

  private slicePath(serverUrl: string, filter: SegmentFilter): string {
    const hash = createHash('sha256').update(sliceKey(serverUrl, filter)).digest('hex').slice(0, 32);
    return path.join(this.slicesDir, `${hash}.json`);
  }

  /** Oldest files first (by modification time), never the ones just written: a slice nobody fetched for long goes. */
  private evictOldSlices(written: ReadonlySet<string>): void {
    const names = fs.readdirSync(this.slicesDir).filter((name) => name.endsWith('.json'));
    if (names.length <= this.maxSlices) return;
    const byAge = names
      .filter((name) => !written.has(name))
      .map((name) => ({ name, mtime: fs.statSync(path.join(this.slicesDir, name)).mtimeMs }))
      .sort((x, y) => x.mtime - y.mtime);
    for (const { name } of byAge.slice(0, Math.max(0, names.length - this.maxSlices))) fs.rmSync(path.join(this.slicesDir, name), { force: true });
  }
}
