import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SliceAnswer, SliceSnapshot } from '../../shared/ipc/features/leaderboardContract';
import { LeaderboardResponse } from '../../shared/protocol/leaderboard';
import { markProvisional, mergePairCounts, rankModels, rowRiggingMargins, type PairCounts } from '../../shared/ranking';
import { adjustCounts } from '../../renderer/src/features/leaderboard/preview/countsMath';
import { withFreshOwn } from '../../renderer/src/features/leaderboard/preview/computePreview';
import { ownBattlesIn } from '../../renderer/src/features/leaderboard/preview/ownBattles';
import { startDemoBackend, type DemoBackend } from '../support/backend';
import { castVotes, startTestClient, type TestClient } from '../support/client';

/**
 * The preview's main-process half against the real reference server (demo data: the 8,931
 * LLMFAO crowd votes): slices straight from the server, the catalog, own revealed votes, and
 * the disk cache answering offline and after a restart. Gold and repeat tasks are off, so
 * every own vote counts on the server and the local arithmetic can be checked exactly.
 */
let backend: DemoBackend;
let client: TestClient;

/** Canonical form (models by name, rows by pair), so counts built differently compare equal. */
const canonical = (counts: PairCounts): PairCounts => mergePairCounts(counts);

/** A released snapshot as the ranking worker takes it (released slices always carry raters). */
const released = (snapshot: SliceSnapshot) => ({ ...snapshot, raters: snapshot.raters as number });

function snapshotOf(answer: SliceAnswer): SliceSnapshot {
  if (answer.state !== 'ready') throw new Error(`expected a ready slice, got ${answer.state}`);
  return answer.snapshot;
}

async function serverLeaderboard(query: string): Promise<LeaderboardResponse> {
  const { email, password } = backend.password('supervisor');
  const login = await fetch(`${backend.server.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const response = await fetch(`${backend.server.url}/v1/leaderboard${query}`, { headers: { authorization: `Bearer ${accessToken}` } });
  return LeaderboardResponse.parse(await response.json());
}

beforeAll(async () => {
  backend = await startDemoBackend({ goldShare: 0, repeatShare: 0, statsMaxStaleMs: 0 });
  client = await startTestClient(backend.server.url);
}, 120_000);

afterAll(async () => {
  client.services.stop();
  await backend.server.close().catch(() => undefined);
});

/** What the server's leaderboard answers for these counts: the ranked rows with their rigging margins. */
function localBoard(counts: PairCounts) {
  const models = markProvisional(rankModels(counts).models, 300);
  const margins = rowRiggingMargins(counts, models.map((row) => row.model));
  return models.map((row, k) => ({ ...row, riggingMargin: margins[k] ?? null }));
}

describe('the leaderboard preview in main, against the real server', () => {
  let before: SliceSnapshot;

  it('says "signed out" instead of fetching anything', async () => {
    expect(await client.call('leaderboard.getSlice', { filter: {} })).toEqual({ state: 'signed_out', filter: {} });
    expect((await client.call('leaderboard.getCatalog', {})).source).toBe('none');
  });

  it('fetches a slice whose local ranking equals the server leaderboard for it', async () => {
    const { email, password } = backend.password('rater1');
    await client.call('auth.signIn', { serverUrl: backend.server.url, email, password });
    const answer = await client.call('leaderboard.getSlice', { filter: {} });
    expect(answer).toMatchObject({ state: 'ready', source: 'server', shortfall: null });
    before = snapshotOf(answer);
    expect(before).toMatchObject({ raters: 124, votes: 8931, withheld: false, ownSeqAtFetch: 0, minRaters: 5 });
    const server = await serverLeaderboard('');
    expect(localBoard(before.counts)).toEqual(server.models);
  });

  it('lists the values of every segment field and keeps each one-field slice on disk', async () => {
    const catalog = await client.call('leaderboard.getCatalog', {});
    expect(catalog.source).toBe('server');
    expect(catalog.fields.country.map((entry) => entry.value)).toEqual(['IN', 'KE', 'PH', 'US']);
    expect(catalog.fields.category.length).toBeGreaterThan(3);
    const cached = fs.readdirSync(path.join(client.dataDir, 'leaderboard', 'slices'));
    const singleFieldSlices = Object.values(catalog.fields).reduce((sum, values) => sum + values.length, 0);
    expect(cached.length).toBe(singleFieldSlices + 1);
  });

  it('turns own revealed votes into battles that reproduce the server counts when merged into an older snapshot', async () => {
    await expect.poll(async () => (await client.call('session.getState')).remaining, { timeout: 15_000 }).toBeGreaterThan(5);
    await castVotes(client, 6);
    await expect.poll(async () => (await client.call('sync.now')).pending, { timeout: 15_000 }).toBe(0);
    const own = await client.call('leaderboard.getOwnVotes', {});
    expect(own).toMatchObject({ pending: 0, unrevealed: 0, cantRead: 0, unattributed: 0 });
    expect(own.battles).toHaveLength(6);
    for (const segment of own.segments) expect(segment).toMatchObject({ country: 'DE', age_band: '25-34', education: 'master' });
    expect(own.segments.every((segment) => segment.language && segment.category)).toBe(true);

    const after = snapshotOf(await client.call('leaderboard.getSlice', { filter: {}, refresh: true }));
    expect(after.ownSeqAtFetch).toBe(6);
    expect(after.votes).toBe(8937);
    expect(canonical(withFreshOwn(released(before), { own }).counts)).toEqual(after.counts);
    expect(withFreshOwn(released(after), { own }).fresh).toBe(0);
    expect(canonical(adjustCounts(after.counts, ownBattlesIn(own, {}), -1))).toEqual(before.counts);
  });

  it('reports a slice below the distinct-rater minimum as withheld, saying nothing of its raters or votes', async () => {
    const answer = snapshotOf(await client.call('leaderboard.getSlice', { filter: { country: 'DE' } }));
    expect(answer).toMatchObject({ withheld: true, counts: { models: [], rows: [] } });
    expect(answer.raters).toBeUndefined();
    expect(answer.votes).toBeUndefined();
  });

  it('answers offline from the disk cache, also after a restart, and says when a slice was never fetched', async () => {
    const catalog = await client.call('leaderboard.getCatalog', {});
    const category = catalog.fields.category[0]?.value as string;
    await backend.server.close();
    client.services.stop();
    client = await startTestClient(backend.server.url, { dataDir: client.dataDir });
    const whole = await client.call('leaderboard.getSlice', { filter: {} });
    expect(whole).toMatchObject({ state: 'ready', source: 'cache', shortfall: 'offline' });
    expect(snapshotOf(whole).votes).toBe(8937);
    expect(await client.call('leaderboard.getSlice', { filter: { category } })).toMatchObject({ state: 'ready', source: 'cache' });
    expect(await client.call('leaderboard.getSlice', { filter: { category, country: 'US' } })).toMatchObject({
      state: 'missing',
      shortfall: 'offline',
    });
    expect((await client.call('leaderboard.getCatalog', {})).source).toBe('cache');
    expect((await client.call('leaderboard.getOwnVotes', {})).battles).toHaveLength(6);
  });
});
