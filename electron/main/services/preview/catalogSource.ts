import type { CatalogValue, SegmentCatalog } from '../../../../shared/ipc/features/leaderboardContract';
import { SEGMENT_FIELDS, type CountsResponse, type SegmentField } from '../../../../shared/protocol/leaderboard';
import type { AuthService } from '../auth/authService';
import type { CountsClient } from './countsClient';
import type { PreviewStore } from './previewStore';
import type { SliceSource } from './sliceSource';

/** The list of values changes slowly (new languages, new countries): refetch after this long. */
export const CATALOG_FRESH_MS = 5 * 60_000;

export interface CatalogSourceDeps {
  client: CountsClient;
  store: PreviewStore;
  slices: SliceSource;
  auth: AuthService;
  now: () => number;
  backendDown: () => boolean;
  log: (message: string) => void;
}

export function emptyCatalog(): SegmentCatalog {
  return { source: 'none', fetchedAt: null, minRaters: null, fields: { language: [], country: [], age_band: [], education: [], category: [] } };
}

/**
 * What the filter menus offer: `GET /counts?by=<field>` for each of the five fields. Those
 * answers carry every single-field slice's counts as well, so they are kept as slices too:
 * after one online visit, every one-field filter also works offline. A field whose list could
 * not be fetched keeps its last known values.
 */
export class CatalogSource {
  private latest: { catalog: SegmentCatalog; at: number; serverUrl: string } | null = null;
  private inflight: Promise<SegmentCatalog> | null = null;

  constructor(private readonly deps: CatalogSourceDeps) {}

  async get(refresh = false): Promise<SegmentCatalog> {
    const serverUrl = this.deps.auth.serverUrl();
    if (!serverUrl) return emptyCatalog();
    const latest = this.latest;
    if (!refresh && latest?.serverUrl === serverUrl && this.deps.now() - latest.at < CATALOG_FRESH_MS) return latest.catalog;
    if (this.deps.backendDown() || this.deps.auth.state().status !== 'signed_in') return this.cached(serverUrl);
    this.inflight ??= this.fetch(serverUrl).finally(() => (this.inflight = null));
    return this.inflight;
  }

  private cached(serverUrl: string): SegmentCatalog {
    const stored = this.deps.store.readCatalog(serverUrl);
    return stored ? { ...stored, source: 'cache' } : emptyCatalog();
  }

  private async fetch(serverUrl: string): Promise<SegmentCatalog> {
    const asked = this.deps.slices.stamp();
    const fetchedAt = asked.at;
    const previous = this.deps.store.readCatalog(serverUrl) ?? emptyCatalog();
    const answers = await Promise.all(SEGMENT_FIELDS.map((field) => this.fetchField(field)));
    if (answers.every((answer) => answer === null)) return previous.source === 'none' ? previous : { ...previous, source: 'cache' };
    const catalog: SegmentCatalog = { source: 'server', fetchedAt: new Date(fetchedAt).toISOString(), minRaters: previous.minRaters, fields: { ...previous.fields } };
    SEGMENT_FIELDS.forEach((field, index) => {
      const answer = answers[index];
      if (!answer) return;
      catalog.fields[field] = valuesOf(answer, field);
      catalog.minRaters = answer.minRaters;
      this.deps.slices.keep(this.deps.slices.snapshotsOf(serverUrl, answer, asked));
    });
    this.saveCatalog(serverUrl, catalog);
    this.latest = { catalog, at: fetchedAt, serverUrl };
    return catalog;
  }

  private async fetchField(field: SegmentField): Promise<CountsResponse | null> {
    try {
      return await this.deps.client.counts({}, field);
    } catch (error) {
      this.deps.log(`preview: the list of ${field} values could not be fetched: ${(error as Error).message}`);
      return null;
    }
  }

  private saveCatalog(serverUrl: string, catalog: SegmentCatalog): void {
    try {
      this.deps.store.writeCatalog(serverUrl, catalog);
    } catch (error) {
      this.deps.log(`preview: could not cache the filter catalog: ${(error as Error).message}`);
    }
  }
}

function valuesOf(response: CountsResponse, field: SegmentField): CatalogValue[] {
  return response.segments
    .map((segment) => ({ value: segment.segment[field] ?? '', raters: segment.raters, votes: segment.votes, withheld: segment.withheld }))
    .filter((entry) => entry.value !== '');
}
