import type { BackendStatus, SessionState, SyncStatus } from '../../../shared/ipc/contract';
import { mainText } from './mainText';

/**
 * What the desktop shell (tray icon, OS notifications) says about the rater's
 * votes, decided here without Electron so it is tested under Node. Quiet by
 * design: a notification only for what needs the rater — votes failing to go
 * out for a long time, or leased tasks about to expire while offline — and
 * each only once per episode.
 */
export const SYNC_FAILING_NOTICE_MS = 10 * 60_000;
export const LEASE_WARNING_MS = 30 * 60_000;

export interface DesktopNotice {
  kind: 'sync_failing' | 'leases_expiring';
  title: string;
  body: string;
}

export interface DesktopSnapshot {
  sync: SyncStatus | null;
  backend: BackendStatus | null;
  session: SessionState | null;
  now: number;
}

type StateWord = 'synced' | 'sending' | 'offline' | 'problem' | 'signedOut';

function stateWord(sync: SyncStatus | null): StateWord {
  switch (sync?.state) {
    case 'idle':
      return sync.pending > 0 ? 'sending' : 'synced';
    case 'syncing':
      return 'sending';
    case 'offline':
      return 'offline';
    case 'signed_out':
    case 'auth_required':
      return 'signedOut';
    case 'backing_off':
    case 'error':
      return 'problem';
    default:
      return 'sending';
  }
}

export class DesktopStatus {
  private failingSince: number | null = null;
  private failingNotified = false;
  private warnedExpiry: string | null = null;

  constructor(
    private readonly language: () => string | null,
    private readonly notify: (notice: DesktopNotice) => void,
  ) {}

  /** The tray's tooltip for this moment; fires at most one notification per episode. */
  update(snapshot: DesktopSnapshot): { tooltip: string; pending: number } {
    const lang = this.language();
    const pending = snapshot.sync?.pending ?? 0;
    const word = stateWord(snapshot.sync);
    this.checkSyncFailing(snapshot, word, pending, lang);
    this.checkLeases(snapshot, lang);
    const tooltip = mainText(lang, 'tray.tooltip', { count: pending, state: mainText(lang, `tray.state.${word}`) });
    return { tooltip, pending };
  }

  private checkSyncFailing(snapshot: DesktopSnapshot, word: StateWord, pending: number, lang: string | null): void {
    const failing = pending > 0 && (word === 'offline' || word === 'problem');
    if (!failing) {
      this.failingSince = null;
      this.failingNotified = false;
      return;
    }
    this.failingSince ??= snapshot.now;
    const waited = snapshot.now - this.failingSince;
    if (!this.failingNotified && waited >= SYNC_FAILING_NOTICE_MS) {
      this.failingNotified = true;
      this.notify({
        kind: 'sync_failing',
        title: mainText(lang, 'notify.syncFailingTitle'),
        body: mainText(lang, 'notify.syncFailingBody', { count: pending, minutes: Math.round(waited / 60_000) }),
      });
    }
  }

  private checkLeases(snapshot: DesktopSnapshot, lang: string | null): void {
    const expiry = snapshot.session?.earliestExpiry ?? null;
    const offline = snapshot.backend?.state === 'down';
    if (!expiry || !offline || (snapshot.session?.remaining ?? 0) === 0 || this.warnedExpiry === expiry) return;
    const left = Date.parse(expiry) - snapshot.now;
    if (left <= 0 || left > LEASE_WARNING_MS) return;
    this.warnedExpiry = expiry;
    this.notify({
      kind: 'leases_expiring',
      title: mainText(lang, 'notify.leasesExpiringTitle'),
      body: mainText(lang, 'notify.leasesExpiringBody', { count: Math.max(1, Math.round(left / 60_000)) }),
    });
  }
}
