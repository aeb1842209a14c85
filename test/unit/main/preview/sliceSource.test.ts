import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuthService } from '../../../../electron/main/services/auth/authService';
import { AuthRequiredError } from '../../../../electron/main/services/auth/authService';
import { ApiError } from '../../../../electron/main/services/backend/apiClient';
import type { CountsClient } from '../../../../electron/main/services/preview/countsClient';
import { PreviewStore } from '../../../../electron/main/services/preview/previewStore';
import { FRESH_MS, SliceSource } from '../../../../electron/main/services/preview/sliceSource';
import type { CountsResponse, SegmentFilter } from '../../../../shared/protocol/leaderboard';

const SERVER = 'http://127.0.0.1:8787';

function response(filter: SegmentFilter, votes: number): CountsResponse {
  return {
    minRaters: 5,
    version: votes,
    computedAt: '2026-11-27T10:00:00.000Z',
    segments: [
      {
        segment: filter,
        raters: 9,
        votes,
        withheld: false,
        counts: { models: ['a', 'b'], rows: [{ a: 0, b: 1, winsA: votes, winsB: 0, ties: 0, bothBad: 0 }] },
        style: { models: ['a', 'b'], features: ['tokens', 'headers', 'lists', 'bold'], levels: 8, a: [0], b: [1], z: [3, 0, -1, 0], winsA: [votes], winsB: [0], ties: [0], bothBad: [0] },
      },
    ],
  };
}

function setup() {
  let now = Date.parse('2026-11-27T10:00:00.000Z');
  let failure: Error | null = null;
  let down = false;
  let status: 'signed_in' | 'reauth_required' = 'signed_in';
  const requests: SegmentFilter[] = [];
  const client = {
    async countsWithStyle(filter: SegmentFilter) {
      requests.push(filter);
      if (failure) throw failure;
      return response(filter, requests.length);
    },
  } as unknown as CountsClient;
  const auth = { serverUrl: () => SERVER, state: () => ({ status }) } as unknown as AuthService;
  const store = new PreviewStore(fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-slices-')), () => undefined);
  const source = new SliceSource({ client, store, auth, now: () => now, answeredSeq: () => 7, backendDown: () => down, log: () => undefined });
  return {
    source,
    requests,
    advance: (ms: number) => (now += ms),
    fail: (error: Error | null) => (failure = error),
    setDown: (value: boolean) => (down = value),
    setStatus: (value: typeof status) => (status = value),
  };
}

describe('one slice from the server or the disk cache', () => {
  it('fetches, stamps the snapshot with the answered seq, and serves it again for a moment without asking', async () => {
    const t = setup();
    const first = await t.source.get({ category: 'code', language: 'de' });
    expect(first).toMatchObject({ state: 'ready', source: 'server', filter: { language: 'de', category: 'code' } });
    expect(first.state === 'ready' && first.snapshot).toMatchObject({ votes: 1, ownSeqAtFetch: 7, fetchedAt: '2026-11-27T10:00:00.000Z' });
    t.advance(FRESH_MS - 1);
    await t.source.get({ language: 'de', category: 'code' });
    expect(t.requests).toHaveLength(1);
    await t.source.get({ language: 'de', category: 'code' }, true);
    t.advance(FRESH_MS);
    await t.source.get({ language: 'de', category: 'code' });
    expect(t.requests).toHaveLength(3);
  });

  it('keeps the style rows in the snapshot and on disk, for the style-controlled board offline', async () => {
    const t = setup();
    const fresh = await t.source.get({ language: 'de' });
    const style = { a: [0], b: [1], z: [3, 0, -1, 0], levels: 8 };
    expect(fresh.state === 'ready' && fresh.snapshot.style).toMatchObject(style);
    t.advance(FRESH_MS);
    t.fail(new ApiError('network', 'GET /v1/leaderboard/counts: connect ECONNREFUSED'));
    const cached = await t.source.get({ language: 'de' });
    expect(cached).toMatchObject({ state: 'ready', source: 'cache' });
    expect(cached.state === 'ready' && cached.snapshot.style).toMatchObject(style);
  });

  it('shares one request between concurrent asks for the same slice', async () => {
    const t = setup();
    await Promise.all([t.source.get({}), t.source.get({}), t.source.get({ language: 'en' })]);
    expect(t.requests).toEqual([{}, { language: 'en' }]);
  });

  it('answers from disk, saying why, when the server cannot be reached or the session ended', async () => {
    const t = setup();
    await t.source.get({});
    t.advance(FRESH_MS);
    t.fail(new ApiError('network', 'GET /v1/leaderboard/counts: connect ECONNREFUSED'));
    expect(await t.source.get({})).toMatchObject({ state: 'ready', source: 'cache', shortfall: 'offline', detail: expect.stringMatching(/ECONNREFUSED/) });
    expect(await t.source.get({ language: 'xx' })).toMatchObject({ state: 'missing', shortfall: 'offline' });
    t.fail(new ApiError('http', 'GET /v1/leaderboard/counts: boom', 500));
    expect(await t.source.get({})).toMatchObject({ source: 'cache', shortfall: 'error' });
    t.fail(new AuthRequiredError('the session ended'));
    expect(await t.source.get({})).toMatchObject({ source: 'cache', shortfall: 'reauth_required' });
  });

  it('does not wait for a timeout when the health monitor already saw the backend down, or the session ended', async () => {
    const t = setup();
    await t.source.get({});
    t.advance(FRESH_MS);
    t.setDown(true);
    expect(await t.source.get({})).toMatchObject({ source: 'cache', shortfall: 'offline' });
    t.setDown(false);
    t.setStatus('reauth_required');
    expect(await t.source.get({})).toMatchObject({ source: 'cache', shortfall: 'reauth_required' });
    expect(t.requests).toHaveLength(1);
  });
});
