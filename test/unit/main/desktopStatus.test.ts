import { describe, expect, it } from 'vitest';
import type { BackendStatus, SessionState, SyncStatus } from '../../../shared/ipc/contract';
import { DesktopStatus, type DesktopNotice } from '../../../electron/main/services/desktopStatus';

const sync = (state: SyncStatus['state'], pending: number): SyncStatus => ({ state, pending, lastSyncAt: null, lastError: null, nextRetryAt: null, rejected: [] });
const backend = (state: BackendStatus['state']): BackendStatus => ({ url: 'http://x', state, apiVersion: 1, checkedAt: null, detail: null, minActiveMs: 3000 });
const session = (earliestExpiry: string | null, remaining = 5): SessionState => ({ task: null, upcoming: null, remaining, earliestExpiry, expired: 0, recent: [] });

function harness() {
  const notices: DesktopNotice[] = [];
  return { notices, status: new DesktopStatus(() => 'en', (notice) => notices.push(notice)) };
}

describe('the tray and OS notifications', () => {
  it('says in the tooltip how many votes wait and whether they are going out', () => {
    const { status } = harness();
    expect(status.update({ sync: sync('idle', 0), backend: backend('up'), session: null, now: 0 }).tooltip).toBe('Verdict: all votes sent, 0 votes waiting');
    expect(status.update({ sync: sync('offline', 1), backend: backend('down'), session: null, now: 0 }).tooltip).toBe('Verdict: offline, 1 vote waiting');
  });

  it('notifies once when votes have failed to go out for ten minutes, and again only after they went out', () => {
    const { status, notices } = harness();
    const minute = 60_000;
    for (let t = 0; t <= 30 * minute; t += minute) status.update({ sync: sync('backing_off', 3), backend: backend('up'), session: null, now: t });
    expect(notices.map((n) => n.kind)).toEqual(['sync_failing']);
    expect(notices[0]?.body).toMatch(/^3 votes have been waiting for 10 minutes/);
    status.update({ sync: sync('idle', 0), backend: backend('up'), session: null, now: 31 * minute });
    for (let t = 32 * minute; t <= 45 * minute; t += minute) status.update({ sync: sync('offline', 1), backend: backend('down'), session: null, now: t });
    expect(notices).toHaveLength(2);
  });

  it('never notifies for a short blip', () => {
    const { status, notices } = harness();
    status.update({ sync: sync('backing_off', 3), backend: backend('up'), session: null, now: 0 });
    status.update({ sync: sync('idle', 0), backend: backend('up'), session: null, now: 9 * 60_000 });
    status.update({ sync: sync('backing_off', 3), backend: backend('up'), session: null, now: 12 * 60_000 });
    expect(notices).toEqual([]);
  });

  it('warns once, while offline, that leased tasks expire within half an hour', () => {
    const { status, notices } = harness();
    const expiry = new Date(20 * 60_000).toISOString();
    status.update({ sync: sync('offline', 0), backend: backend('down'), session: session(expiry), now: 0 });
    status.update({ sync: sync('offline', 0), backend: backend('down'), session: session(expiry), now: 60_000 });
    expect(notices.map((n) => [n.kind, n.body])).toEqual([['leases_expiring', 'You are offline and your leased tasks expire in 20 minutes. Votes cast after that may be rejected.']]);
  });

  it('says nothing about expiring leases while online, or with nothing leased', () => {
    const { status, notices } = harness();
    const expiry = new Date(10 * 60_000).toISOString();
    status.update({ sync: sync('idle', 0), backend: backend('up'), session: session(expiry), now: 0 });
    status.update({ sync: sync('offline', 0), backend: backend('down'), session: session(expiry, 0), now: 0 });
    expect(notices).toEqual([]);
  });
});
