import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { AppInfo } from '../../shared/ipc/contract';
import { createInvokeHandlers } from './handlers';
import { createDispatch, type Dispatch } from './ipc/dispatch';
import type { ExternalLinkOpener, HttpPort, KeyValueStore, Timers, TokenVault } from './ports';
import { AuthService, type StoredSession } from './services/auth/authService';
import { createApiClient } from './services/backend/apiClient';
import { ServerClock } from './services/backend/serverClock';
import { createBackendHealthMonitor, type BackendHealthMonitor } from './services/backendHealth';
import { EventBus } from './services/eventBus';
import type { VoteJournal } from './services/journal/voteJournal';
import { createProxySettings, type ProxyPort } from './services/network/proxySetting';
import { createPreferencesService } from './services/preferences';
import { createUpdateService, type UpdaterPort, type UpdateService } from './services/updates/updateService';
import { VotingSession } from './services/session/votingSession';
import { SyncEngine, type SyncOptions } from './services/sync/syncEngine';
import { AccountWorkspaces, renameWorkspaceOwner } from './services/workspace/accountWorkspaces';

export interface MainPorts {
  appInfo: AppInfo;
  /** The backend to show before anyone signed in (and the sign-in form's default). */
  backendUrl: string;
  /** Where the journal and the task cache live (Electron: userData; web host: --data). */
  dataDir: string;
  http: HttpPort;
  preferencesStore: KeyValueStore;
  tokenVault: TokenVault<StoredSession>;
  links: ExternalLinkOpener;
  timers: Timers;
  random?: () => number;
  log?: (message: string) => void;
  /**
   * `backendUrl` is the backend bundled with the app (`npm start`): if the
   * session was signed in to its previous address, follow it to the new one.
   */
  bundledBackend?: boolean;
  /** Main's own UI in the new language (Electron rebuilds its menu). */
  onLanguageChanged?: (language: string) => void;
  /** Tuning for tests and benchmarks; production uses the defaults. */
  syncOptions?: Omit<SyncOptions, 'installationId'>;
  requestTimeoutMs?: number;
  /** Where the transport's proxy is set (Electron: the default session). Absent: not configurable here. */
  proxy?: ProxyPort;
  /** The update feed, or null with the reason updates are off (web host, unpackaged, no feed configured). */
  updater?: { port: UpdaterPort | null; disabledReason?: string };
}

export interface MainServices {
  dispatch: Dispatch;
  events: EventBus;
  health: BackendHealthMonitor;
  sync: SyncEngine;
  journal: VoteJournal;
  updates: UpdateService;
  stop(): void;
}

/**
 * Wires every main-process service from its ports. The Electron composition
 * root and the web host both call this, with different adapters, so the two
 * hosts cannot drift apart.
 */
export async function createMainServices(ports: MainPorts): Promise<MainServices> {
  const proxy = createProxySettings(ports.preferencesStore, ports.proxy ?? NODE_TRANSPORT_PROXY);
  // Before the first request: a rater behind a manual proxy must not start with a failed sync.
  await proxy.applyStored(ports.log);
  const log = ports.log ?? console.warn;
  const events = new EventBus();
  const clock = new ServerClock(ports.timers.now);
  const api = createApiClient(ports.http, clock, ports.requestTimeoutMs);
  const preferences = createPreferencesService(ports.preferencesStore);
  const auth = new AuthService({ api, vault: ports.tokenVault, clock, onChange: (state) => events.emit('auth.state', state) });
  await auth.load();
  if (ports.bundledBackend) await followBundledBackend(auth, ports);
  const workspaces: AccountWorkspaces = new AccountWorkspaces({
    dataDir: ports.dataDir,
    store: ports.preferencesStore,
    log,
    build: ({ journal, cache, installationId }) => {
      const session = new VotingSession({
        journal,
        cache,
        clock,
        now: ports.timers.now,
        newVoteId: () => uuidv7(),
        locale: () => preferences.read().language ?? 'en',
        appVersion: ports.appInfo.version,
        onChange: (state) => events.emit('session.state', state),
        onVoteCast: () => sync.nudge(),
      });
      const sync: SyncEngine = new SyncEngine(
        {
          journal,
          cache,
          auth,
          api,
          clock,
          timers: ports.timers,
          random: ports.random ?? Math.random,
          backendReachable: () => health.current().state !== 'down',
          onStatus: (status) => events.emit('sync.status', status),
          onDataChanged: () => session.changed(),
        },
        { ...ports.syncOptions, installationId },
      );
      return { session, sync };
    },
    onSwitch: (workspace) => {
      events.emit('session.state', workspace.session.state());
      events.emit('sync.status', workspace.sync.status());
    },
  });
  const signedInOwner = ownerOf(auth);
  if (signedInOwner) await workspaces.activate(signedInOwner);
  const current = () => workspaces.active();
  const health = createBackendHealthMonitor({
    baseUrl: auth.serverUrl() ?? ports.backendUrl,
    http: ports.http,
    timers: ports.timers,
    onChange: (status) => {
      events.emit('backend.status', status);
      // Connectivity is back: do not wait out a backoff that was sized for an outage.
      if (status.state === 'up') current().sync.kick();
    },
  });
  const updates = createUpdateService({
    updater: ports.updater?.port ?? null,
    disabledReason: ports.updater?.disabledReason ?? 'updates come with the desktop app, not the web host',
    currentVersion: ports.appInfo.version,
    timers: ports.timers,
    onStatus: (status) => events.emit('updates.status', status),
    log: ports.log,
  });
  const handlers = createInvokeHandlers({
    appInfo: ports.appInfo,
    onLanguageChanged: ports.onLanguageChanged ?? (() => undefined),
    health,
    preferences,
    links: ports.links,
    auth,
    session: () => current().session,
    sync: () => current().sync,
    onSignedIn: async (serverUrl) => {
      const owner = ownerOf(auth);
      if (owner) await workspaces.activate(owner);
      health.setBaseUrl(serverUrl);
      current().sync.kick();
    },
    features: {
      api,
      auth,
      clock,
      journal: { all: () => current().journal.all(), votedTaskIds: () => current().journal.votedTaskIds() },
      events,
      timers: ports.timers,
      dataDir: (feature) => path.join(ports.dataDir, feature),
    },
    desktop: { http: ports.http, timers: ports.timers, proxy, updates },
  });
  health.start();
  updates.start();
  current().sync.kick();
  return {
    dispatch: createDispatch(handlers),
    events,
    health,
    // The open account's: tests, benches and the quit path see whichever account is signed in.
    get sync() {
      return current().sync;
    },
    get journal() {
      return current().journal;
    },
    updates,
    stop: () => {
      updates.stop();
      health.stop();
      workspaces.stop();
    },
  };
}

/** Node's http stack (web host, tools) takes its proxy from the environment, not from the app. */
const NODE_TRANSPORT_PROXY: ProxyPort = { configurable: false, apply: async () => undefined };

/** Who owns the signed-in session's votes: one server, one account. */
function ownerOf(auth: AuthService): string | null {
  const serverUrl = auth.serverUrl();
  const accountId = auth.accountId();
  return serverUrl && accountId ? `${serverUrl} ${accountId}` : null;
}

/**
 * `npm start` runs the bundled demo backend on a remembered port, but if that
 * port was taken it moves. A session on the bundled backend's previous address
 * moves with it (and the installation's owner with it), so the rater is not
 * stranded offline with votes waiting. A session on any other server is untouched.
 */
async function followBundledBackend(auth: AuthService, ports: MainPorts): Promise<void> {
  const store = ports.preferencesStore;
  const previous = store.get('bundledBackendUrl');
  const current = auth.serverUrl();
  if (current && typeof previous === 'string' && current === previous && current !== ports.backendUrl) {
    const accountId = auth.accountId();
    await auth.moveServer(ports.backendUrl);
    if (accountId) renameWorkspaceOwner(ports.dataDir, store, `${current} ${accountId}`, `${ports.backendUrl} ${accountId}`);
  }
  store.set('bundledBackendUrl', ports.backendUrl);
}
