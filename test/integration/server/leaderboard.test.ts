import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountsResponse, LeaderboardResponse } from '../../../shared/protocol/leaderboard';
import {
  aggregateBattles,
  aggregateStyleBattles,
  boardRidge,
  fitBradleyTerry,
  markProvisional,
  rankModels,
  rankModelsWithStyle,
  riggingWitness,
  styleFeaturesFromText,
  SWAP_TOLERANCE,
  toPairTable,
  type Battle,
  type StyleBattle,
  type StyleCounts,
} from '../../../shared/ranking';
import { readCsv, readJsonl } from '../../../server/demo/files';
import { call, lease, login, push, startTestServer, voteFor, type TestServer } from './helpers';

const LLMFAO = join(import.meta.dirname, '../../../../shared/data/llmfao');

/** The crowd votes straight from ../shared, independent of the server's import code. */
function crowdBattles(): Battle[] {
  const names = new Map(
    readJsonl<{ id: number; name: string }>(join(LLMFAO, 'models.jsonl')).map((m) => [String(m.id), m.name]),
  );
  const outcome = { left: 'a', right: 'b', tie: 'tie' } as const;
  return readCsv(join(LLMFAO, 'crowd-comparisons.csv')).map((row) => ({
    modelA: names.get(row.model_x as string) as string,
    modelB: names.get(row.model_y as string) as string,
    outcome: outcome[row.winner as keyof typeof outcome],
  }));
}

/** The crowd votes with their response texts measured here, from pairs-crowd.jsonl (not the server's tables). */
function crowdStyleBattles(): StyleBattle[] {
  const pairs = new Map(
    readJsonl<{ id: number; result_x: string; result_y: string }>(join(LLMFAO, 'pairs-crowd.jsonl')).map((p) => [
      String(p.id),
      p,
    ]),
  );
  const ids = readCsv(join(LLMFAO, 'crowd-comparisons.csv')).map((row) => row.id as string);
  return crowdBattles().map((battle, i) => {
    const pair = pairs.get(ids[i]!)!;
    return { ...battle, styleA: styleFeaturesFromText(pair.result_x), styleB: styleFeaturesFromText(pair.result_y) };
  });
}

/** Style rows as a sorted list of named rows: equal sets of rows compare equal whatever their order. */
function styleRowSet(counts: StyleCounts): string[] {
  const f = counts.features.length;
  return counts.a
    .map((a, k) =>
      JSON.stringify([
        counts.models[a],
        counts.models[counts.b[k]!],
        counts.z.slice(k * f, k * f + f),
        counts.winsA[k],
        counts.winsB[k],
        counts.ties[k],
        counts.bothBad[k],
      ]),
    )
    .sort();
}

/** The board rows without the rigging margins, to compare with rankModels' rows. */
function withoutMargins<T extends { riggingMargin?: number | null }>(rows: T[]): Omit<T, 'riggingMargin'>[] {
  return rows.map(({ riggingMargin: _margin, ...rest }) => rest);
}

describe('leaderboard on the demo data', () => {
  let t: TestServer;
  let token: string;
  beforeAll(async () => {
    t = await startTestServer();
    token = (await login(t.url, t.accounts.rater1)).accessToken;
  });
  afterAll(() => t.close());

  it('serves the English pair counts exactly as aggregateBattles computes them from the LLMFAO CSV', async () => {
    const reply = await call(t.url, 'GET', '/v1/leaderboard/counts?language=en', { token });
    const body = CountsResponse.parse(reply.body);
    expect(body.segments).toHaveLength(1);
    expect(body.segments[0]).toMatchObject({ segment: { language: 'en' }, raters: 124, votes: 8931, withheld: false });
    expect(body.segments[0]?.counts).toEqual(aggregateBattles(crowdBattles()));
  });

  it('ranks the segment with shared/ranking: ratings, 95% intervals and ranks', async () => {
    const reply = await call(t.url, 'GET', '/v1/leaderboard?language=en', { token });
    const body = LeaderboardResponse.parse(reply.body);
    const expected = rankModels(aggregateBattles(crowdBattles()));
    expect(body.withheld).toBe(false);
    expect(body.models).toHaveLength(59);
    expect(withoutMargins(body.models)).toEqual(markProvisional(expected.models, 300));
    expect(body).toMatchObject({ weights: 'none', provisionalMinVotes: 300 });
    expect(body.models.find((row) => !row.provisional)?.rank).toBe(1);
    for (const row of body.models) expect(row.lower).toBeLessThanOrEqual(row.rating);
  });

  it('gives each row the votes that, flipped, would swap it with the row below (a witnessed bound)', async () => {
    const body = LeaderboardResponse.parse((await call(t.url, 'GET', '/v1/leaderboard?language=en', { token })).body);
    const margins = body.models.map((row) => row.riggingMargin);
    expect(margins.at(-1)).toBeNull();
    for (const margin of margins.slice(0, -1)) expect(Number.isInteger(margin)).toBe(true);
    expect(margins.some((margin) => margin! > 0)).toBe(true);
    // Check the top pair's margin independently: flip its witness in the CSV's counts and refit.
    const counts = aggregateBattles(crowdBattles());
    const [upper, lower] = [0, 1].map((k) => counts.models.indexOf(body.models[k]!.model)) as [number, number];
    const witness = riggingWitness(toPairTable(counts), upper, lower)!;
    expect(witness.margin).toBe(margins[0]);
    const table = toPairTable(counts);
    for (const flip of witness.flips) {
      const [from, to] = flip.aLoses ? [table.winsA, table.winsB] : [table.winsB, table.winsA];
      from[flip.row]! -= flip.count;
      to[flip.row]! += flip.count;
      expect(from[flip.row]).toBeGreaterThanOrEqual(0);
    }
    const refreshed = toPairTable({
      models: counts.models,
      rows: Array.from({ length: table.m }, (_, k) => ({
        a: table.a[k]!, b: table.b[k]!, winsA: table.winsA[k]!, winsB: table.winsB[k]!, ties: table.draws[k]!, bothBad: 0,
      })),
    });
    const theta = fitBradleyTerry(refreshed, { ridge: boardRidge(refreshed) }).theta;
    expect(theta[lower]! - theta[upper]!).toBeGreaterThan(SWAP_TOLERANCE);
  });

  it('lists models under 300 votes as provisional, without a rank', async () => {
    const body = LeaderboardResponse.parse((await call(t.url, 'GET', '/v1/leaderboard?language=en', { token })).body);
    const provisional = body.models.filter((row) => row.provisional);
    expect(provisional.length).toBeGreaterThan(0);
    expect(provisional.length).toBeLessThan(body.models.length);
    for (const row of body.models) {
      expect(row.provisional === true).toBe(row.votes < 300);
      expect(row.rank === undefined).toBe(row.votes < 300);
    }
  });

  it('fits with balanced weights on weights=balanced, and refuses an unknown scheme', async () => {
    const body = LeaderboardResponse.parse(
      (await call(t.url, 'GET', '/v1/leaderboard?language=en&weights=balanced', { token })).body,
    );
    const expected = rankModels(aggregateBattles(crowdBattles()), { weights: 'balanced' });
    expect(body.weights).toBe('balanced');
    expect(withoutMargins(body.models)).toEqual(markProvisional(expected.models, 300));
    // Margins are defined on the unweighted fit only.
    for (const row of body.models) expect(row.riggingMargin).toBeNull();
    const bad = await call(t.url, 'GET', '/v1/leaderboard?language=en&weights=inverse', { token });
    expect(bad.status).toBe(400);
  });

  it('offers style rows with style=on, as aggregateStyleBattles computes them from the LLMFAO texts', async () => {
    const plain = CountsResponse.parse((await call(t.url, 'GET', '/v1/leaderboard/counts?language=en', { token })).body);
    expect(plain.segments[0]).not.toHaveProperty('style');
    const reply = await call(t.url, 'GET', '/v1/leaderboard/counts?language=en&style=on', { token });
    const style = CountsResponse.parse(reply.body).segments[0]?.style;
    const expected = aggregateStyleBattles(crowdStyleBattles());
    expect(style).toMatchObject({ features: ['tokens', 'headers', 'lists', 'bold'], levels: 8 });
    expect(styleRowSet(style!)).toEqual(styleRowSet(expected));
  });

  it('fits the style-controlled board on style=on, with the coefficients and their intervals', async () => {
    const reply = await call(t.url, 'GET', '/v1/leaderboard?language=en&style=on', { token });
    const body = LeaderboardResponse.parse(reply.body);
    const expected = rankModelsWithStyle(aggregateStyleBattles(crowdStyleBattles()));
    expect(body.style).toBe(true);
    expect(body.models.map((m) => m.model)).toEqual(expected.models.map((m) => m.model));
    body.models.forEach((m, i) => expect(m.rating).toBeCloseTo(expected.models[i]!.rating, 6));
    for (const [feature, estimate] of Object.entries(expected.coefficients)) {
      const got = body.styleCoefficients?.[feature];
      expect(got?.estimate).toBeCloseTo(estimate, 8);
      expect(got!.lower).toBeLessThan(got!.estimate);
      expect(got!.upper).toBeGreaterThan(got!.estimate);
    }
    // Off (the default) is the raw board, without coefficients; style and weights do not combine.
    const raw = LeaderboardResponse.parse((await call(t.url, 'GET', '/v1/leaderboard?language=en', { token })).body);
    expect(raw).not.toHaveProperty('styleCoefficients');
    const both = await call(t.url, 'GET', '/v1/leaderboard?language=en&style=on&weights=balanced', { token });
    expect(both.status).toBe(400);
  });

  it('withholds a segment with fewer than 5 distinct raters, and says nothing about it', async () => {
    const tasks = await lease(t.url, token, 2);
    await push(
      t.url,
      token,
      crypto.randomUUID(),
      tasks.map((task, i) => voteFor(task, i + 1)),
    );
    const reply = await call(t.url, 'GET', '/v1/leaderboard?country=DE', { token });
    const body = LeaderboardResponse.parse(reply.body);
    expect(body).toMatchObject({ withheld: true, models: [], minRaters: 5 });
    expect(body).not.toHaveProperty('raters');
    expect(body).not.toHaveProperty('votes');
    // The reason names the minimum and nothing about the segment: not "1 rater", not "2 votes".
    expect(body.withheldReason).toMatch(/fewer than 5 distinct raters/);
    expect(body.withheldReason?.replace('5', '')).not.toMatch(/\d/);
    const counts = CountsResponse.parse(
      (await call(t.url, 'GET', '/v1/leaderboard/counts?country=DE', { token })).body,
    );
    expect(counts.segments).toEqual([{ segment: { country: 'DE' }, withheld: true, counts: { models: [], rows: [] } }]);
    // Style rows are counts of the same votes: withheld alike, and the style board says nothing either.
    const styled = CountsResponse.parse(
      (await call(t.url, 'GET', '/v1/leaderboard/counts?country=DE&style=on', { token })).body,
    );
    expect(styled.segments).toEqual(counts.segments);
    const board = LeaderboardResponse.parse((await call(t.url, 'GET', '/v1/leaderboard?country=DE&style=on', { token })).body);
    expect(board).toMatchObject({ withheld: true, models: [] });
    expect(board).not.toHaveProperty('styleCoefficients');
  });

  it('splits counts by a segment field, and folds one more country in with DE so all minus the rest is not DE', async () => {
    const reply = await call(t.url, 'GET', '/v1/leaderboard/counts?by=country', { token });
    const body = CountsResponse.parse(reply.body);
    const byCountry = Object.fromEntries(body.segments.map((s) => [s.segment.country, s]));
    expect(Object.keys(byCountry).sort()).toEqual(['DE', 'IN', 'KE', 'PH', 'US']);
    const withheld = body.segments.filter((s) => s.withheld);
    expect(withheld.map((s) => s.segment.country)).toContain('DE');
    // DE alone in "other" would be all votes minus the named countries: a second country goes with it.
    expect(withheld.length).toBe(2);
    for (const segment of withheld)
      expect(segment).toEqual({ segment: segment.segment, withheld: true, counts: { models: [], rows: [] } });
    const all = CountsResponse.parse((await call(t.url, 'GET', '/v1/leaderboard/counts', { token })).body).segments[0]!;
    const shown = body.segments.filter((s) => !s.withheld);
    const otherRaters = (all.raters as number) - shown.reduce((sum, s) => sum + (s.raters as number), 0);
    expect(otherRaters).toBeGreaterThanOrEqual(5);
    for (const segment of shown) expect(segment.raters).toBeGreaterThanOrEqual(5);
  });

  it('answers the two-field tables, and refuses anything finer on both endpoints with a clear 400', async () => {
    const table = CountsResponse.parse(
      (await call(t.url, 'GET', '/v1/leaderboard/counts?country=US&by=education', { token })).body,
    );
    expect(table.segments.map((s) => s.segment.education).sort()).toEqual([
      'bachelor',
      'doctorate',
      'master',
      'secondary',
    ]);
    for (const segment of table.segments)
      expect(segment).toMatchObject({ withheld: false, segment: { country: 'US' } });
    const cell = CountsResponse.parse(
      (await call(t.url, 'GET', '/v1/leaderboard/counts?country=US&education=master', { token })).body,
    );
    expect(cell.segments[0]?.counts).toEqual(table.segments.find((s) => s.segment.education === 'master')?.counts);
    for (const path of [
      '/v1/leaderboard/counts?country=US&education=master&category=knowledge',
      '/v1/leaderboard/counts?country=US&education=master&by=category',
      '/v1/leaderboard/counts?country=US&by=country',
      '/v1/leaderboard?country=US&education=master&age_band=25-34',
    ]) {
      const refused = await call(t.url, 'GET', path, { token });
      expect(refused.status, path).toBe(400);
      expect(refused.body.error.code).toBe('unreleased_table');
      expect(refused.body.error.message).toMatch(/at most 2 fields|already fixes/);
    }
  });

  it('counts each new vote once, and a replay not at all', async () => {
    const before = CountsResponse.parse((await call(t.url, 'GET', '/v1/leaderboard/counts', { token })).body);
    const tasks = await lease(t.url, token, 3);
    const installation = crypto.randomUUID();
    const votes = tasks.map((task, i) => voteFor(task, i + 1));
    await push(t.url, token, installation, votes);
    await push(t.url, token, installation, votes);
    const after = CountsResponse.parse((await call(t.url, 'GET', '/v1/leaderboard/counts', { token })).body);
    expect(after.segments[0]?.votes).toBe((before.segments[0]?.votes as number) + 3);
    expect(after.version).toBe(before.version + 3);
  });

  it('needs a signed-in account', async () => {
    const reply = await call(t.url, 'GET', '/v1/leaderboard');
    expect(reply.status).toBe(401);
  });
});

describe('segment attributes are frozen at vote time', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ minRaters: 1 });
  });
  afterAll(() => t.close());

  it('keeps old votes in the old segment after the rater moves country', async () => {
    const session = await login(t.url, t.accounts.rater1);
    const installation = crypto.randomUUID();
    const tasks = await lease(t.url, session.accessToken, 4);
    await push(t.url, session.accessToken, installation, [voteFor(tasks[0]!, 1), voteFor(tasks[1]!, 2)]);
    await t.server.context.db.run(`UPDATE accounts SET country = 'FR' WHERE public_id = ?`, [session.account.id]);
    await push(t.url, session.accessToken, installation, [voteFor(tasks[2]!, 3)]);
    const counts = async (country: string) =>
      CountsResponse.parse(
        (await call(t.url, 'GET', `/v1/leaderboard/counts?country=${country}`, { token: session.accessToken })).body,
      ).segments[0]?.votes;
    expect(await counts('DE')).toBe(2);
    expect(await counts('FR')).toBe(1);
  });
});
