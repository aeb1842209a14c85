import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../shared/ipc/features/desktopContract';
import type { Timers } from '../../../electron/main/ports';
import { CHECK_INTERVAL_MS, createUpdateService, FIRST_CHECK_DELAY_MS, type UpdaterPort } from '../../../electron/main/services/updates/updateService';

/** Timers the test advances by hand: the schedule is the behaviour under test. */
function manualTimers() {
  let now = Date.parse('2026-12-03T10:00:00Z');
  const pending: Array<{ at: number; run: () => void; handle: number }> = [];
  let next = 0;
  const timers: Timers = {
    now: () => now,
    setTimeout(run, ms) {
      next += 1;
      pending.push({ at: now + ms, run, handle: next });
      return next;
    },
    clearTimeout(handle) {
      const index = pending.findIndex((timer) => timer.handle === handle);
      if (index >= 0) pending.splice(index, 1);
    },
  };
  return {
    timers,
    scheduledIn: () => pending.map((timer) => timer.at - now),
    async advance(ms: number) {
      now += ms;
      for (const timer of pending.filter((candidate) => candidate.at <= now)) {
        pending.splice(pending.indexOf(timer), 1);
        timer.run();
      }
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** The feed as electron-updater presents it: a check that finds a version or not, a download that finishes later. */
function scriptedFeed(answers: Array<{ version: string } | null | Error>) {
  let downloaded: (version: string) => void = () => undefined;
  let checks = 0;
  const port: UpdaterPort = {
    async check() {
      const answer = answers[Math.min(checks, answers.length - 1)] ?? null;
      checks += 1;
      if (answer instanceof Error) throw answer;
      return answer;
    },
    onDownloaded: (listener) => (downloaded = listener),
  };
  return { port, finishDownload: (version: string) => downloaded(version), checks: () => checks };
}

function setUp(answers: Array<{ version: string } | null | Error>) {
  const clock = manualTimers();
  const feed = scriptedFeed(answers);
  const published: UpdateStatus[] = [];
  const service = createUpdateService({ updater: feed.port, currentVersion: '1.2.0', timers: clock.timers, onStatus: (status) => published.push(status) });
  return { clock, feed, published, service };
}

describe('background updates', () => {
  it('never checks during start-up: the first check waits a minute, then every four hours', async () => {
    const { clock, feed, service } = setUp([null]);
    service.start();
    expect(feed.checks()).toBe(0);
    expect(clock.scheduledIn()).toEqual([FIRST_CHECK_DELAY_MS]);
    await clock.advance(FIRST_CHECK_DELAY_MS);
    expect(feed.checks()).toBe(1);
    expect(service.status()).toMatchObject({ state: 'up_to_date', currentVersion: '1.2.0', checkedAt: '2026-12-03T10:01:00.000Z' });
    expect(clock.scheduledIn()).toEqual([CHECK_INTERVAL_MS]);
  });

  it('downloads a newer version in the background and installs it only on quit (it says so, it never restarts)', async () => {
    const { feed, service, published } = setUp([{ version: '1.3.0' }]);
    expect(await service.checkNow()).toMatchObject({ state: 'downloading', availableVersion: '1.3.0' });
    feed.finishDownload('1.3.0');
    expect(service.status()).toMatchObject({ state: 'ready', availableVersion: '1.3.0' });
    // Later checks do not undo "ready" or download again.
    expect(await service.checkNow()).toMatchObject({ state: 'ready' });
    expect(feed.checks()).toBe(1);
    expect(published.map((status) => status.state)).toEqual(['checking', 'downloading', 'ready']);
  });

  it('degrades quietly when the feed is unreachable, and tries again at the next interval', async () => {
    const { clock, feed, service } = setUp([new Error('net::ERR_NAME_NOT_RESOLVED'), null]);
    service.start();
    await clock.advance(FIRST_CHECK_DELAY_MS);
    expect(service.status()).toMatchObject({ state: 'unreachable', detail: 'net::ERR_NAME_NOT_RESOLVED' });
    await clock.advance(CHECK_INTERVAL_MS);
    expect(feed.checks()).toBe(2);
    expect(service.status().state).toBe('up_to_date');
  });

  it('runs one check at a time however often the rater presses the button', async () => {
    const { feed, service } = setUp([null]);
    const [first, second] = await Promise.all([service.checkNow(), service.checkNow()]);
    expect(first).toEqual(second);
    expect(feed.checks()).toBe(1);
  });

  it('is off, with its reason, where there is no feed (web host, unpackaged build)', async () => {
    const clock = manualTimers();
    const service = createUpdateService({ updater: null, disabledReason: 'updates apply to installed builds only', currentVersion: '1.2.0', timers: clock.timers, onStatus: () => undefined });
    service.start();
    expect(clock.scheduledIn()).toEqual([]);
    expect(await service.checkNow()).toMatchObject({ state: 'disabled', detail: 'updates apply to installed builds only' });
  });
});
