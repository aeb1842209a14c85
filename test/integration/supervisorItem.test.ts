import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoBackend, type DemoBackend } from '../support/backend';
import { startTestClient, type TestClient } from '../support/client';

let backend: DemoBackend;
let supervisor: TestClient;
let rater: TestClient;

beforeAll(async () => {
  backend = await startDemoBackend();
  supervisor = await startTestClient(backend.server.url);
  rater = await startTestClient(backend.server.url);
  await supervisor.call('auth.signIn', { serverUrl: backend.server.url, ...backend.password('supervisor') });
  await rater.call('auth.signIn', { serverUrl: backend.server.url, ...backend.password('rater1') });
}, 60_000);

afterAll(async () => {
  supervisor.services.stop();
  rater.services.stop();
  await backend.server.close();
});

async function someItemId(): Promise<string> {
  const team = await supervisor.call('supervisor.raters');
  if (!team.ok) throw new Error(`team: ${team.failure.reason}`);
  const withVotes = team.data.raters.find((entry) => entry.lastVoteAt !== null)!;
  const votes = await supervisor.call('supervisor.raterVotes', { raterId: withVotes.id, limit: 1 });
  if (!votes.ok) throw new Error(`votes: ${votes.failure.reason}`);
  return votes.data.votes[0]!.itemId;
}

describe('an item as a supervisor judges it', () => {
  it('comes with its prompt and both responses, models named', async () => {
    const itemId = await someItemId();
    const answer = await supervisor.call('supervisor.item', { itemId });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.data.itemId).toBe(itemId);
    expect(answer.data.conversation.length).toBeGreaterThan(0);
    expect(answer.data.responses.map((response) => response.content.length > 0)).toEqual([true, true]);
    expect(answer.data.responses[0].model).not.toBe(answer.data.responses[1].model);
  });

  it('answers not found for an unknown item', async () => {
    expect(await supervisor.call('supervisor.item', { itemId: 'no-such-item' })).toMatchObject({ ok: false, failure: { reason: 'not_found' } });
  });

  it('is refused to raters (403), so no rater sees model names through it', async () => {
    const itemId = await someItemId();
    expect(await rater.call('supervisor.item', { itemId })).toMatchObject({ ok: false, failure: { reason: 'forbidden' } });
  });
});
