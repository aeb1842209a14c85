import type { SliceAnswer, SliceShortfall, SliceSnapshot } from '../../../../shared/ipc/features/leaderboardContract';
import type { CountsResponse, SegmentFilter } from '../../../../shared/protocol/leaderboard';
import type { AuthService } from '../auth/authService';
import type { CountsClient } from './countsClient';
import { shortfallOf } from './fetchFailure';
import type { PreviewStore } from './previewStore';
import { normalizeFilter, sliceKey } from './sliceFilter';

/** A slice fetched this recently by this run is served again without asking the server. */
export const FRESH_MS = 15_000;
const MAX_RECENT = 32;

export interface SliceSourceDeps {
  client: CountsClient;
  store: PreviewStore;
  auth: AuthService;
  now: () => number;
  /** The highest own seq the server has answered (see ownVotes.answeredSeq). */
  answeredSeq: () => number;
  /** The health monitor last saw the backend down: answer from disk at once instead of waiting for a timeout. */
  backendDown: () => boolean;
  log: (message: string) => void;
}

/**
 * One slice's counts: from the server when it can be reached (the network is the truth),
 * else from the disk cache, saying why. Concurrent requests for the same slice share a fetch.
 */
export class SliceSource {
  private readonly recent = new Map<string, { snapshot: SliceSnapshot; at: number }>();
  private readonly inflight = new Map<string, Promise<SliceAnswer>>();

  constructor(private readonly deps: SliceSourceDeps) {}

  async get(requested: SegmentFilter, refresh = false): Promise<SliceAnswer> {
    const filter = normalizeFilter(requested);
    const serverUrl = this.deps.auth.serverUrl();
    if (!serverUrl) return { state: 'signed_out', filter };
    const key = sliceKey(serverUrl, filter);
    const recent = this.recent.get(key);
    if (!refresh && recent && this.deps.now() - recent.at < FRESH_MS) return ready('server', recent.snapshot);
    if (this.deps.auth.state().status === 'reauth_required') return this.fromDisk(serverUrl, filter, 'reauth_required', null);
    if (this.deps.backendDown()) return this.fromDisk(serverUrl, filter, 'offline', 'the backend was unreachable at the last health check');
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.fetch(serverUrl, filter).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  /** What the client knew when it asked: the time, and the highest own seq the server had answered. */
  stamp(): { at: number; ownSeq: number } {
    return { at: this.deps.now(), ownSeq: this.deps.answeredSeq() };
  }

  /** Turns a counts answer into one snapshot per segment, stamped with `stamp()` taken before the request. */
  snapshotsOf(serverUrl: string, response: CountsResponse, asked: { at: number; ownSeq: number }): SliceSnapshot[] {
    const ownSeqAtFetch = asked.ownSeq;
    const fetchedAt = asked.at;
    return response.segments.map((segment) => ({
      filter: normalizeFilter(segment.segment),
      serverUrl,
      fetchedAt: new Date(fetchedAt).toISOString(),
      computedAt: response.computedAt,
      serverVersion: response.version,
      minRaters: response.minRaters,
      raters: segment.raters,
      votes: segment.votes,
      withheld: segment.withheld,
      counts: segment.counts,
      ...(segment.style ? { style: segment.style } : {}),
      ownSeqAtFetch,
    }));
  }

  /** Keeps fresh snapshots in memory and on disk (a failed disk write costs only offline coverage). */
  keep(snapshots: readonly SliceSnapshot[]): void {
    const at = this.deps.now();
    for (const snapshot of snapshots) {
      const key = sliceKey(snapshot.serverUrl, snapshot.filter);
      this.recent.delete(key);
      this.recent.set(key, { snapshot, at });
    }
    while (this.recent.size > MAX_RECENT) this.recent.delete(this.recent.keys().next().value as string);
    try {
      this.deps.store.writeSlices(snapshots);
    } catch (error) {
      this.deps.log(`preview: could not cache ${snapshots.length} slice(s): ${(error as Error).message}`);
    }
  }

  private async fetch(serverUrl: string, filter: SegmentFilter): Promise<SliceAnswer> {
    // Taken before the request: a vote answered while it is in flight may then be counted twice
    // for a moment (by the server and as a "fresh" own vote), but never missed.
    const asked = this.stamp();
    try {
      const response = await this.deps.client.countsWithStyle(filter);
      const snapshot = this.snapshotsOf(serverUrl, response, asked).find((candidate) => sameFilter(candidate.filter, filter));
      if (!snapshot) throw new Error('the server answered without the requested segment');
      this.keep([snapshot]);
      return ready('server', snapshot);
    } catch (error) {
      const { shortfall, detail } = shortfallOf(error);
      return this.fromDisk(serverUrl, filter, shortfall, detail);
    }
  }

  private fromDisk(serverUrl: string, filter: SegmentFilter, shortfall: SliceShortfall, detail: string | null): SliceAnswer {
    const snapshot = this.deps.store.readSlice(serverUrl, filter);
    if (!snapshot) return { state: 'missing', filter, shortfall, detail };
    return { state: 'ready', filter, source: 'cache', shortfall, detail, snapshot };
  }
}

function ready(source: 'server' | 'cache', snapshot: SliceSnapshot): SliceAnswer {
  return { state: 'ready', filter: snapshot.filter, source, shortfall: null, detail: null, snapshot };
}

function sameFilter(x: SegmentFilter, y: SegmentFilter): boolean {
  return JSON.stringify(normalizeFilter(x)) === JSON.stringify(normalizeFilter(y));
}
