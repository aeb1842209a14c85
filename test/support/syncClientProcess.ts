import { castVotes, startTestClient } from './client';

/**
 * Child process for the kill -9 sync test: a client host that signs in (once),
 * casts votes up to a total and syncs. It prints "cast <id>" after each vote
 * is journaled and "synced" once nothing is pending. The parent SIGKILLs it
 * at random moments, mid-push included.
 */
const [backendUrl, dataDir, email, password, total, paceMs] = process.argv.slice(2) as [string, string, string, string, string, string];
const client = await startTestClient(backendUrl, {
  dataDir,
  syncOptions: { sealGraceMs: 0, batchSize: 7, leaseTarget: 60, backoff: { baseMs: 20, capMs: 200 } },
});
if ((await client.call('auth.getState')).status !== 'signed_in') {
  const result = await client.call('auth.signIn', { serverUrl: backendUrl, email, password });
  if (!result.ok) throw new Error(`sign-in failed: ${JSON.stringify(result.failure)}`);
}
// The parent times its kill from here, so slow start-ups on a busy machine do not swallow the trial.
process.stdout.write('ready\n');
while (client.services.journal.all().length < Number(total)) {
  if ((await client.call('session.getState')).task) {
    const [id] = await castVotes(client, 1);
    process.stdout.write(`cast ${id}\n`);
    // A rater's pace, so kills land between votes as well as mid-push.
    await new Promise((resolve) => setTimeout(resolve, Number(paceMs)));
  } else {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
while (client.services.journal.pendingCount() > 0) await new Promise((resolve) => setTimeout(resolve, 50));
process.stdout.write('synced\n');
client.services.stop();
process.exit(0);
