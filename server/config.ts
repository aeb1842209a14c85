import { DEFAULT_SERVER_PROVISIONAL_MIN_VOTES } from '../shared/protocol/leaderboard';
/**
 * Every tunable of the server in one place, with the defaults a small real
 * network would use. Tests shrink the time-based ones instead of waiting.
 */
export interface ServerOptions {
  dataDir: string;
  /**
   * postgres://USER:PASS@HOST:PORT/DB: several server processes share this
   * PostgreSQL database. Unset: the SQLite file in dataDir, as one process.
   */
  databaseUrl?: string;
  /** PostgreSQL connections per process. */
  poolSize: number;
  /** PostgreSQL cancels any statement running longer (ms); 0 = no limit. */
  statementTimeoutMs: number;
  port: number;
  host: string;
  /**
   * Addresses of reverse proxies whose X-Forwarded-For is believed (e.g. "127.0.0.1"), so that
   * sign-in limits count per client, not per proxy. Unset: the peer address is the client.
   */
  trustProxy?: string;
  /** Seed the demo network when the data dir has no accounts yet. */
  demo: boolean;
  /** Where the vendored demo data lives (assets/demo by default). */
  demoAssetsDir?: string;
  bodyLimitBytes: number;
  accessTtlMs: number;
  refreshTtlMs: number;
  leaseTtlMs: number;
  /** A vote may arrive this long after its lease expired (offline clients) and still count. */
  leaseGraceMs: number;
  /** A task is offered to at most this many raters (voted or holding a live lease). */
  maxRatersPerTask: number;
  maxOpenLeasesPerRater: number;
  goldShare: number;
  repeatShare: number;
  /**
   * How normal items are chosen: `least_voted` (the least-loaded pairs first) or `active` (pairs by
   * expected information from the language's current BT fit; docs/SERVER.md, docs/RANKING.md).
   */
  pairSelection: 'least_voted' | 'active';
  /** A vote is re-shown (sides swapped) only after this long, so the rater cannot simply remember it. */
  repeatMinAgeMs: number;
  /** Votes faster than this (client active time, or server time since lease) are rejected as too fast. */
  minActiveMs: number;
  /** Segments with fewer distinct raters are withheld from the leaderboard. */
  minRaters: number;
  /** Leaderboard entries of models with fewer votes are `provisional: true` and unranked (docs/SERVER.md). */
  provisionalMinVotes: number;
  reveal: 'on_accept' | 'never';
  loginLimit: { max: number; windowMs: number };
  /** Token bucket per signed-in account over all authenticated requests. */
  raterLimit: { burst: number; perSecond: number };
  /** Cached rankings and supervisor quality this fresh are served even if newer votes arrived; 0 = always current. */
  statsMaxStaleMs: number;
  /** The anomaly test runs over each rater's votes at most this often (0 = never in background). */
  anomalyScanIntervalMs: number;
}

export const DEFAULT_OPTIONS: Omit<ServerOptions, 'dataDir'> = {
  poolSize: 10,
  statementTimeoutMs: 30_000,
  port: 8787,
  host: '127.0.0.1',
  demo: false,
  bodyLimitBytes: 1024 * 1024,
  accessTtlMs: 15 * 60_000,
  refreshTtlMs: 30 * 24 * 3600_000,
  leaseTtlMs: 8 * 3600_000,
  leaseGraceMs: 3600_000,
  maxRatersPerTask: 7,
  maxOpenLeasesPerRater: 200,
  goldShare: 0.05,
  repeatShare: 0.05,
  pairSelection: 'least_voted',
  repeatMinAgeMs: 30 * 60_000,
  minActiveMs: 3000,
  minRaters: 5,
  provisionalMinVotes: DEFAULT_SERVER_PROVISIONAL_MIN_VOTES,
  reveal: 'on_accept',
  loginLimit: { max: 10, windowMs: 60_000 },
  raterLimit: { burst: 120, perSecond: 20 },
  statsMaxStaleMs: 5000,
  anomalyScanIntervalMs: 10 * 60_000,
};

export function resolveOptions(partial: Partial<ServerOptions> & { dataDir: string }): ServerOptions {
  return { ...DEFAULT_OPTIONS, ...partial };
}
