import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupervisorAnswer } from '../../shared/ipc/features/supervisorContract';
import type { RaterVote } from '../../shared/protocol/supervisor';
import { createAnalysisCore } from '../../renderer/src/features/supervisor/analysis/analysisCore';
import { toTeamVote } from '../../renderer/src/features/supervisor/analysis/teamVote';
import { startDemoBackend, type DemoBackend } from '../support/backend';
import { startTestClient, type TestClient } from '../support/client';
import { expectedLlmfaoQuality } from '../support/supervisorOracle';

/**
 * The supervisor IPC calls through the real main-process services against the
 * real server seeded with the LLMFAO crowd (124 raters, 8,931 votes).
 */
let backend: DemoBackend;
let supervisor: TestClient;
let rater: TestClient;

function data<T>(answer: SupervisorAnswer<T>): T {
  if (!answer.ok) throw new Error(`supervisor call failed: ${answer.failure.reason}: ${answer.failure.detail}`);
  return answer.data;
}

async function signedIn(key: 'supervisor' | 'rater1'): Promise<TestClient> {
  const client = await startTestClient(backend.server.url);
  const result = await client.call('auth.signIn', { serverUrl: backend.server.url, ...backend.password(key) });
  expect(result.ok).toBe(true);
  return client;
}

async function allVotes(
  client: TestClient,
  raterId: string,
  limit: number,
): Promise<{ votes: RaterVote[]; pages: number }> {
  const votes: RaterVote[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = data(await client.call('supervisor.raterVotes', { raterId, limit, ...(cursor ? { cursor } : {}) }));
    votes.push(...page.votes);
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor);
  return { votes, pages };
}

beforeAll(async () => {
  backend = await startDemoBackend({ anomalyScanIntervalMs: 0 });
  [supervisor, rater] = await Promise.all([signedIn('supervisor'), signedIn('rater1')]);
});

afterAll(async () => {
  supervisor?.services.stop();
  rater?.services.stop();
  await backend?.server.close();
});

describe('a supervisor through main', () => {
  it('gets the team table, whose numbers are shared/quality on the crowd file', async () => {
    const team = data(await supervisor.call('supervisor.raters'));
    expect(team.raters).toHaveLength(126);
    const expected = expectedLlmfaoQuality();
    for (const summary of team.raters.filter((r) => r.id.startsWith('llmfao-worker-'))) {
      const want = expected.get(summary.id)!;
      expect(summary.quality.votes).toBe(want.votes);
      for (const key of [
        'agreement',
        'tieRate',
        'positionBias',
        'positionBiasPValue',
        'goldAccuracy',
        'anomalyScore',
      ] as const) {
        if (want[key] === null) expect(summary.quality[key], `${summary.id} ${key}`).toBeNull();
        else expect(summary.quality[key], `${summary.id} ${key}`).toBeCloseTo(want[key] as number, 9);
      }
    }
  });

  it("pages every vote of a rater, and the Worker code reproduces the server's pool agreement from the pages", async () => {
    const team = data(await supervisor.call('supervisor.raters'));
    const { votes, pages } = await allVotes(supervisor, 'llmfao-worker-58', 100);
    expect(votes).toHaveLength(343);
    expect(pages).toBe(4);
    expect(new Set(votes.map((v) => v.voteId)).size).toBe(343);

    const core = createAnalysisCore();
    for (const summary of team.raters) core.add((await allVotes(supervisor, summary.id, 1000)).votes.map(toTeamVote));
    const { overall } = core.analyse(20).slices;
    expect(overall.votes).toBe(team.pool.votes);
    expect(overall.alphaNominal).toBeCloseTo(team.pool.krippendorffAlphaNominal!, 12);
    expect(overall.alphaOrdinal).toBeCloseTo(team.pool.krippendorffAlphaOrdinal!, 12);
    expect(overall.fleissKappa).toBeCloseTo(team.pool.fleissKappa!, 12);
    const judged = core.raterVotes('llmfao-worker-58').filter((j) => j.consensus !== null);
    const worker = team.raters.find((r) => r.id === 'llmfao-worker-58')!;
    expect(judged).toHaveLength(worker.quality.agreementCompared);
    expect(judged.filter((j) => j.code === j.consensus).length / judged.length).toBeCloseTo(
      worker.quality.agreement!,
      12,
    );
  });

  it('pages the whole team with one cursor: every vote of every rater, once', async () => {
    const team = data(await supervisor.call('supervisor.raters'));
    const seen: RaterVote[] = [];
    let cursor: string | undefined;
    do {
      const page = data(await supervisor.call('supervisor.teamVotes', { limit: 1000, ...(cursor ? { cursor } : {}) }));
      seen.push(...page.votes);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen.map((v) => v.voteId)).size).toBe(seen.length);
    expect(seen.length).toBe(team.raters.reduce((sum, r) => sum + r.quality.votes, 0));
    const worker = seen.filter((v) => v.raterId === 'llmfao-worker-58').map((v) => v.voteId);
    expect(worker).toEqual((await allVotes(supervisor, 'llmfao-worker-58', 1000)).votes.map((v) => v.voteId));
  });

  it('flags, unflags and marks votes, and reads them back as records of their own', async () => {
    const [vote] = (await allVotes(supervisor, 'llmfao-worker-83', 1000)).votes;
    data(await supervisor.call('supervisor.flag', { raterId: 'llmfao-worker-83', note: 'Check the ties.' }));
    data(await supervisor.call('supervisor.unflag', { raterId: 'llmfao-worker-83', note: 'Discussed; fine.' }));
    data(
      await supervisor.call('supervisor.markVote', {
        voteId: vote!.voteId,
        mark: 'vote_wrong',
        note: 'Misread.',
      }),
    );
    const { flags } = data(await supervisor.call('supervisor.flags', { raterId: 'llmfao-worker-83' }));
    expect(flags.map((f) => [f.kind, f.note, f.voteId])).toEqual([
      ['flag', 'Check the ties.', null],
      ['unflag', 'Discussed; fine.', null],
    ]);
    const { marks } = data(await supervisor.call('supervisor.marks', { raterId: 'llmfao-worker-83' }));
    expect(marks.map((m) => [m.mark, m.note, m.voteId, m.itemId])).toEqual([
      ['vote_wrong', 'Misread.', vote!.voteId, vote!.itemId],
    ]);
    const team = data(await supervisor.call('supervisor.raters'));
    expect(team.raters.find((r) => r.id === 'llmfao-worker-83')?.openFlags).toBe(0);
    const server = data(await supervisor.call('supervisor.disagreements', { raterId: 'llmfao-worker-83' }));
    expect(server.disagreements.length).toBeGreaterThan(0);
  });

  it("exports a rater's votes as CSV and JSONL with pseudonymous ids only", async () => {
    const csv = data(await supervisor.call('supervisor.export', { format: 'csv', raterId: 'llmfao-worker-58' }));
    const lines = csv.content.trim().split('\r\n');
    expect(lines[0]).toMatch(/^vote_id,rater_id,item_id,/);
    expect(lines).toHaveLength(344);
    expect(csv.content).not.toMatch(/@verdict\.example|LLMFAO crowd worker/);
    const jsonl = data(await supervisor.call('supervisor.export', { format: 'jsonl', raterId: 'llmfao-worker-58' }));
    expect(
      jsonl.content
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as RaterVote).raterId),
    ).toEqual(Array(343).fill('llmfao-worker-58'));
  });

  it('answers not_found for a rater outside the team', async () => {
    expect(await supervisor.call('supervisor.raterVotes', { raterId: 'nobody' })).toMatchObject({
      ok: false,
      failure: { reason: 'not_found' },
    });
  });
});

describe('a rater through main', () => {
  it.each([
    ['supervisor.raters', {}],
    ['supervisor.raterVotes', { raterId: 'llmfao-worker-58' }],
    ['supervisor.disagreements', { raterId: 'llmfao-worker-58' }],
    ['supervisor.flags', {}],
    ['supervisor.flag', { raterId: 'llmfao-worker-58', note: 'x' }],
    ['supervisor.teamVotes', {}],
    ['supervisor.marks', {}],
    ['supervisor.unflag', { raterId: 'llmfao-worker-58', note: 'x' }],
    ['supervisor.markVote', { voteId: 'llmfao-vote-1', mark: 'ambiguous', note: 'x' }],
    ['supervisor.export', { format: 'csv' }],
  ] as const)('is refused %s with forbidden', async (channel, args) => {
    expect(await rater.call(channel, args)).toMatchObject({ ok: false, failure: { reason: 'forbidden' } });
  });

  it('is told to sign in once signed out', async () => {
    const client = await startTestClient(backend.server.url);
    expect(await client.call('supervisor.raters')).toMatchObject({ ok: false, failure: { reason: 'signed_out' } });
    client.services.stop();
  });
});
