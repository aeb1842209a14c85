import type { UpdateStatus } from '../../../../shared/ipc/features/desktopContract';
import type { Timers } from '../../ports';

/** The update feed as the service needs it (Electron: electron-updater's autoUpdater, adapters/electronUpdater.ts). */
export interface UpdaterPort {
  /**
   * Asks the feed for a newer version. Resolves with it (its download has
   * started) or null when this version is current; rejects when the feed
   * cannot be reached or answers nonsense.
   */
  check(): Promise<{ version: string } | null>;
  /** Called once the newer version is downloaded and verified; it installs when the app quits. */
  onDownloaded(listener: (version: string) => void): void;
}

/** Start-up belongs to the rater: the first check waits until the app has settled. */
export const FIRST_CHECK_DELAY_MS = 60_000;
export const CHECK_INTERVAL_MS = 4 * 60 * 60_000;

export interface UpdateServiceDeps {
  /** Null when updates are off for this build (not packaged, or no feed configured): `disabledReason` says why. */
  updater: UpdaterPort | null;
  disabledReason?: string;
  currentVersion: string;
  timers: Timers;
  onStatus: (status: UpdateStatus) => void;
  log?: (message: string) => void;
}

/**
 * Background updates that never get in the way: checks run on a timer after
 * start-up, never block it, and a failure only changes what Settings says
 * ("could not reach the update server") until the next check. A downloaded
 * update installs when the rater quits — never a restart in the middle of a
 * session, which could cost a rater their task or an unsent vote.
 */
export function createUpdateService(deps: UpdateServiceDeps) {
  let status: UpdateStatus = {
    state: deps.updater ? 'idle' : 'disabled',
    currentVersion: deps.currentVersion,
    availableVersion: null,
    checkedAt: null,
    detail: deps.updater ? null : (deps.disabledReason ?? 'updates are not configured for this build'),
  };
  let timer: unknown = null;
  let running: Promise<UpdateStatus> | null = null;

  const publish = (next: Partial<UpdateStatus>) => {
    status = { ...status, ...next };
    deps.onStatus(status);
    return status;
  };

  deps.updater?.onDownloaded((version) => publish({ state: 'ready', availableVersion: version }));

  const isReady = () => status.state === 'ready';

  async function runCheck(updater: UpdaterPort): Promise<UpdateStatus> {
    if (isReady()) return status;
    publish({ state: 'checking' });
    const checkedAt = new Date(deps.timers.now()).toISOString();
    try {
      const found = await updater.check();
      // The download may have finished while the check's promise settled: 'ready' wins.
      if (isReady()) return status;
      return publish(found ? { state: 'downloading', availableVersion: found.version, checkedAt, detail: null } : { state: 'up_to_date', availableVersion: null, checkedAt, detail: null });
    } catch (error) {
      const detail = (error as Error).message?.slice(0, 300) || 'the update feed did not answer';
      deps.log?.(`update check failed: ${detail}`);
      return publish({ state: 'unreachable', checkedAt, detail });
    }
  }

  function schedule(delayMs: number): void {
    const updater = deps.updater;
    if (!updater) return;
    timer = deps.timers.setTimeout(() => {
      void checkNow().finally(() => schedule(CHECK_INTERVAL_MS));
    }, delayMs);
  }

  /** One check at a time: a second request while one runs gets the same answer. */
  function checkNow(): Promise<UpdateStatus> {
    const updater = deps.updater;
    if (!updater) return Promise.resolve(status);
    running ??= runCheck(updater).finally(() => {
      running = null;
    });
    return running;
  }

  return {
    status: () => status,
    checkNow,
    start: () => schedule(FIRST_CHECK_DELAY_MS),
    stop: () => {
      if (timer !== null) deps.timers.clearTimeout(timer);
      timer = null;
    },
  };
}

export type UpdateService = ReturnType<typeof createUpdateService>;
