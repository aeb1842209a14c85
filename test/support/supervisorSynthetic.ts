import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RatersResponse, RaterSummary, RaterVote } from '../../shared/protocol/supervisor';
import { poolAgreement, raterQualityReport, type Label, type RaterVote as QualityVote } from '../../shared/quality';

/**
 * A synthetic team at the scale the supervisor console must handle (500
 * raters, 200,000 votes), with the server's answers precomputed by
 * shared/quality, and a tiny backend that serves them, for the benchmark.
 */
export interface SyntheticTeam {
  quality: QualityVote[];
  wire: Map<string, RaterVote[]>;
  gold: Record<string, Label>;
}

const CHOICES = ['first', 'second', 'tie', 'both_bad'] as const;

export function syntheticTeam(raters = 500, votes = 200_000, perItem = 5, models = 60, seed = 1): SyntheticTeam {
  let s = seed;
  const random = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const quality: QualityVote[] = [];
  const wire = new Map<string, RaterVote[]>();
  const gold: Record<string, Label> = {};
  const epoch = Date.UTC(2026, 0, 1);
  for (let item = 0; item < votes / perItem; item++) {
    const a = Math.floor(random() * models);
    const b = (a + 1 + Math.floor(random() * (models - 1))) % models;
    const pair = [`model-${a}`, `model-${b}`] as const;
    if (item % 50 === 0) gold[`item-${item}`] = 'a';
    const taken = new Set<number>();
    for (let k = 0; k < perItem; k++) {
      let r = Math.floor(random() * raters);
      while (taken.has(r)) r = (r + 1) % raters;
      taken.add(r);
      const raterId = `rater-${r}`;
      const swapped = random() < 0.5;
      // Models a little apart in strength, so the board has an order.
      const x = random() + (b - a) / (4 * models);
      const choice =
        x < 0.45
          ? swapped
            ? 'second'
            : 'first'
          : x < 0.85
            ? swapped
              ? 'first'
              : 'second'
            : CHOICES[2 + Math.floor(random() * 2)]!;
      const activeMs = 1_000 + Math.floor(random() * 60_000);
      const at = epoch + (item * perItem + k) * 1_000;
      quality.push({ raterId, itemId: `item-${item}`, choice, swapped, models: pair, activeMs, timestamp: at });
      const shown = swapped ? [pair[1], pair[0]] : [pair[0], pair[1]];
      const own = wire.get(raterId) ?? [];
      own.push({
        voteId: `vote-${item}-${k}`,
        raterId,
        itemId: `item-${item}`,
        kind: 'normal',
        language: ['en', 'de', 'ja', 'sw'][item % 4]!,
        category: ['writing', 'coding', 'math'][item % 3]!,
        shownFirst: shown[0]!,
        shownSecond: shown[1]!,
        choice,
        winner: choice === 'first' ? shown[0]! : choice === 'second' ? shown[1]! : null,
        goldCorrect: null,
        criteria: {},
        rationale: k === 0 && item % 10 === 0 ? 'The second answer misses the unit conversion.' : null,
        reasonTags: [],
        flags: [],
        confidence: null,
        activeMs,
        votedAt: new Date(at).toISOString(),
        receivedAt: new Date(at).toISOString(),
        segment: { country: 'DE', age_band: '25-34', education: 'master' },
      });
      wire.set(raterId, own);
    }
  }
  return { quality, wire, gold };
}

/** What GET /v1/supervisor/raters answers for the team: shared/quality, exactly as the server computes it. */
export function ratersResponse(team: SyntheticTeam): RatersResponse {
  const rows = new Map(raterQualityReport(team.quality, { gold: team.gold }).map((row) => [row.raterId, row]));
  const pool = poolAgreement(team.quality, { gold: team.gold });
  const raters: RaterSummary[] = [...team.wire.keys()].map((id) => {
    const row = rows.get(id)!;
    return {
      id,
      displayName: `Synthetic rater ${id.slice(6)}`,
      email: null,
      role: 'rater',
      vetted: true,
      suspended: false,
      profile: {
        country: 'DE',
        ageBand: '25-34',
        education: 'master',
        languages: [{ tag: 'en', proficiency: 'C1' }],
        specialties: [],
      },
      lastVoteAt: team.wire.get(id)!.at(-1)!.votedAt,
      openFlags: 0,
      quality: {
        votes: row.votes,
        items: row.items,
        agreement: row.majority.rate,
        agreementCompared: row.majority.compared,
        meanCohenKappa: row.cohenKappa.meanKappa,
        tieRate: row.tieRate,
        bothBadRate: row.bothBadRate,
        positionBias: row.positionBias.firstShare,
        positionBiasPValue: row.positionBias.pValue,
        selfConsistency: row.selfConsistency.rate,
        repeats: row.selfConsistency.repeats,
        goldAccuracy: row.gold.accuracy,
        goldItems: row.gold.items,
        medianActiveMs: row.activeTime.median,
        tooFastShare: row.activeTime.tooFastShare,
        tooFastRejected: 0,
        anomalyScore: row.anomaly.tested ? Math.max(row.anomaly.mUpper, row.anomaly.mLower) : null,
        anomalous: row.anomaly.flagged,
      },
    };
  });
  return {
    raters,
    pool: {
      votes: pool.votes,
      raters: pool.raters,
      items: pool.items,
      krippendorffAlphaNominal: pool.alphaNominal,
      krippendorffAlphaOrdinal: pool.alphaOrdinal,
      fleissKappa: pool.fleiss.kappa,
      meanCohenKappa: pool.meanCohenKappa,
    },
    computedAt: new Date().toISOString(),
  };
}

function session(now: number) {
  const profile = {
    country: 'IN',
    ageBand: '45-54',
    education: 'doctorate',
    languages: [{ tag: 'en', proficiency: 'native' }],
    specialties: [],
  };
  return {
    accessToken: 'bench-access',
    accessExpiresAt: new Date(now + 3_600_000).toISOString(),
    refreshToken: 'bench-refresh',
    refreshExpiresAt: new Date(now + 86_400_000).toISOString(),
    account: {
      id: 'bench-supervisor',
      email: 'supervisor@bench.example',
      displayName: 'Bench Supervisor',
      role: 'supervisor',
      profile,
    },
  };
}

/** Serves the synthetic team on 127.0.0.1 with no rate limit: the benchmark measures the client. */
export async function startSyntheticBackend(
  team: SyntheticTeam,
  raters: RatersResponse,
): Promise<{ url: string; close(): Promise<void> }> {
  const ratersJson = JSON.stringify(raters);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', date: new Date().toUTCString() });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const serverTime = new Date().toISOString();
    const votes = /^\/v1\/supervisor\/raters\/([^/]+)\/votes$/.exec(url.pathname);
    if (url.pathname === '/v1/health') return send(200, { status: 'ok', apiVersion: 1, serverTime });
    if (url.pathname === '/v1/auth/login' || url.pathname === '/v1/auth/refresh') return send(200, session(Date.now()));
    if (url.pathname.startsWith('/v1/tasks/')) return send(200, { tasks: [], serverTime });
    if (url.pathname === '/v1/supervisor/raters') return send(200, ratersJson);
    if (url.pathname === '/v1/supervisor/flags') return send(200, { flags: [] });
    if (votes) {
      const all = team.wire.get(decodeURIComponent(votes[1]!)) ?? [];
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 200);
      const end = Math.min(all.length, start + limit);
      return send(200, { votes: all.slice(start, end), nextCursor: end < all.length ? String(end) : null });
    }
    if (url.pathname.endsWith('/disagreements')) return send(200, { disagreements: [] });
    return send(404, { error: { code: 'not_found', message: 'not in the benchmark backend' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
